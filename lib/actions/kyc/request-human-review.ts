"use server";

// Asks for a person to review a case the automatic pre-check flagged (the automated-decision right).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { requestHumanReview } from "@/lib/kyc/human-review";
import { noInput } from "@/lib/validation/common";
import { routes } from "@/lib/routes";

export const requestHumanReviewAction = defineAction({ access: "signed-in", input: noInput }, async (_input, ctx) => {
  await requestHumanReview(ctx.user.id, ctx.request);
  revalidatePath(routes.dashboard.kyc);
  return done("A reviewer will look at the flag themselves before deciding.");
});
