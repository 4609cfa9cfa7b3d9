// A customer asks for a person to review a case the automatic pre-check flagged (the
// automated-decision right).
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";

export async function requestHumanReview(userId: string, request: RequestInfo): Promise<void> {
  const { count } = await db.kycCase.updateMany({
    where: { userId, flagged: true, humanReviewRequestedAt: null },
    data: { humanReviewRequestedAt: new Date() },
  });
  if (count !== 1) throw new UserError("There is no automatic flag on your case to review.");
  const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId }, select: { id: true } });
  await db.kycEvent.create({ data: { caseId: kycCase.id, actorId: userId, type: "human_review_requested" } });
  await recordActivity(userId, "kyc_human_review_requested", request);
}
