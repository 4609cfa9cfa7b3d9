// A customer contests the automatic pre-check's flag on their case (the automated-decision
// right): it becomes an automated-decision review request in the privacy officer's queue, linked
// to the case, one open at a time per case, and shows on the case and in the privacy centre.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { fileRequest } from "@/lib/privacy/requests/file-request";

export const CONTEST_DETAILS = "Please have a person review the automatic pre-check flag on my identity case.";

export async function requestHumanReview(
  user: { id: string; email: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<{ requestId: string }> {
  const kycCase = await db.kycCase.findUnique({ where: { userId: user.id }, select: { id: true, flagged: true } });
  if (!kycCase?.flagged) throw new UserError("There is no automatic flag on your case to review.");
  const filed = await fileRequest(
    user,
    { type: "automated_decision_review", details: CONTEST_DETAILS, kycCaseId: kycCase.id },
    request,
    now,
  );
  await db.kycCase.update({ where: { id: kycCase.id }, data: { humanReviewRequestedAt: now } });
  await db.kycEvent.create({
    data: {
      caseId: kycCase.id,
      actorId: user.id,
      type: "human_review_requested",
      message: "The customer contests the pre-check; filed as an automated-decision review privacy request.",
    },
  });
  await recordActivity(user.id, "kyc_human_review_requested", request, { requestId: filed.requestId });
  return filed;
}
