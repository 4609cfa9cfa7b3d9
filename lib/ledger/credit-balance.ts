// An admin credits a customer's USD balance for an offline bank transfer, with a note; audited.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { customerUsd, postTransaction } from "./ledger";

export async function creditBalance(admin: { id: string }, userId: string, cents: bigint, note: string, request: RequestInfo): Promise<void> {
  if (cents <= 0n) throw new UserError("Enter a positive amount.");
  const customer = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!customer) throw new UserError("That customer does not exist.");
  await db.$transaction(async (tx) => {
    const transactionId = await postTransaction(tx, {
      kind: "admin_credit",
      description: `Bank transfer credited: ${note}`,
      createdById: admin.id,
      postings: [
        { account: { kind: "bank_clearing", currency: "USD" }, amount: -cents },
        { account: customerUsd(userId), amount: cents },
      ],
    });
    await recordAudit({ actorId: admin.id, action: "ledger.credit", targetType: "user", targetId: userId, details: { cents: cents.toString(), note, transactionId } }, request, tx);
  });
}
