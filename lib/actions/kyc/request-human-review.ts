"use server";

// Asks for a person to review a case the automatic pre-check flagged (the automated-decision right).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";

export const requestHumanReviewAction = defineAction({ access: "signed-in", input: z.object({}) }, async (_input, ctx) => {
  const { count } = await db.kycCase.updateMany({
    where: { userId: ctx.user.id, flagged: true, humanReviewRequestedAt: null },
    data: { humanReviewRequestedAt: new Date() },
  });
  if (count !== 1) throw new UserError("There is no automatic flag on your case to review.");
  const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId: ctx.user.id }, select: { id: true } });
  await db.kycEvent.create({ data: { caseId: kycCase.id, actorId: ctx.user.id, type: "human_review_requested" } });
  await recordActivity(ctx.user.id, "kyc_human_review_requested", ctx.request);
  revalidatePath("/dashboard/kyc");
  return { ok: true as const, data: undefined, message: "A reviewer will look at the flag themselves before deciding." };
});
