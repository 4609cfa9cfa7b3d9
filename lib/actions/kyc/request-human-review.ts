"use server";

// Contests the automatic pre-check's flag: a person reviews it (the automated-decision right).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { requestHumanReview } from "@/lib/kyc/human-review";
import { noInput } from "@/lib/validation/common";
import { routes } from "@/lib/routes";

export const requestHumanReviewAction = defineAction({ access: "signed-in", input: noInput }, async (_input, ctx) => {
  await requestHumanReview(ctx.user, ctx.request);
  revalidatePath(routes.dashboard.kyc);
  revalidatePath(routes.dashboard.privacy);
  return done("A person will review the flag. Follow the request, with its due date, in your privacy centre.");
});
