// A reviewer's decision on a KYC case: approve, reject (final, with a reason the customer sees)
// or send back named items. Only pending cases, never one's own; audited, on the case's
// timeline, and emailed to the customer.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { kycDecisionMail } from "@/lib/mail/templates";
import type { ResubmitItem } from "@/lib/validation/kyc";

export type KycDecision =
  | { decision: "approve" }
  | { decision: "reject"; message: string }
  | { decision: "request_resubmission"; message: string; items: ResubmitItem[] };

const STATUS = { approve: "approved", reject: "rejected", request_resubmission: "resubmission_requested" } as const;

export async function decideKycCase(
  caseId: string,
  reviewer: { id: string },
  choice: KycDecision,
  request: RequestInfo,
): Promise<void> {
  const kycCase = await db.kycCase.findUnique({
    where: { id: caseId },
    include: { user: { select: { email: true } } },
  });
  if (!kycCase) throw new UserError("That case does not exist.");
  if (kycCase.userId === reviewer.id) throw new UserError("You cannot decide your own case. Another reviewer will.");
  if (kycCase.status !== "pending") throw new UserError("This case is not waiting for a decision.");

  const message = choice.decision === "approve" ? null : choice.message;
  await db.$transaction(async (tx) => {
    const { count } = await tx.kycCase.updateMany({
      where: { id: caseId, status: "pending", userId: { not: reviewer.id } },
      data: {
        status: STATUS[choice.decision],
        customerMessage: message,
        resubmitItems: choice.decision === "request_resubmission" ? choice.items : [],
        decidedById: reviewer.id,
        decidedAt: new Date(),
      },
    });
    if (count !== 1) throw new UserError("Someone else decided this case meanwhile. Reload the page.");
    await tx.kycEvent.create({
      data: {
        caseId,
        actorId: reviewer.id,
        type: choice.decision,
        message:
          choice.decision === "request_resubmission"
            ? `${choice.message} (items: ${choice.items.join(", ")})`
            : message,
      },
    });
    await recordAudit(
      {
        actorId: reviewer.id,
        action: `kyc.${choice.decision}`,
        targetType: "kyc_case",
        targetId: caseId,
        details: choice.decision === "request_resubmission" ? { items: choice.items } : undefined,
      },
      request,
      tx,
    );
  });
  await sendMail(kycDecisionMail(kycCase.user.email, choice));
}

/** Internal notes: staff only, never shown to the customer. */
export async function addKycNote(
  caseId: string,
  author: { id: string },
  body: string,
  request: RequestInfo,
): Promise<void> {
  const exists = await db.kycCase.findUnique({ where: { id: caseId }, select: { id: true } });
  if (!exists) throw new UserError("That case does not exist.");
  await db.$transaction(async (tx) => {
    await tx.kycNote.create({ data: { caseId, authorId: author.id, body } });
    await recordAudit(
      { actorId: author.id, action: "kyc.note", targetType: "kyc_case", targetId: caseId },
      request,
      tx,
    );
  });
}
