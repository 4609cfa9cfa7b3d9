// An admin credits a customer's USD balance for an offline bank transfer, with a note; audited.
// Nobody credits their own balance, and a credit above the four-eyes threshold waits until a
// second admin (neither the requester nor the customer) approves it.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatUsd } from "@/lib/money/format";
import { customerUsd, postTransaction } from "./ledger";

/** Credits above this many cents ($10,000) need a second admin's approval. */
export const CREDIT_FOUR_EYES_CENTS = 1_000_000n;

type Tx = Prisma.TransactionClient;
export type CreditOutcome = { creditId: string; status: "posted" | "pending" };

async function postCredit(
  tx: Tx,
  credit: { id: string; userId: string; amountCents: bigint; note: string },
  by: string,
): Promise<string> {
  return postTransaction(tx, {
    kind: "admin_credit",
    description: `Bank transfer credited: ${credit.note}`,
    createdById: by,
    idempotencyKey: `balance-credit:${credit.id}`,
    postings: [
      { account: { kind: "bank_clearing", currency: "USD" }, amount: -credit.amountCents },
      { account: customerUsd(credit.userId), amount: credit.amountCents },
    ],
  });
}

export async function creditBalance(
  admin: { id: string },
  userId: string,
  cents: bigint,
  note: string,
  request: RequestInfo,
): Promise<CreditOutcome> {
  if (cents <= 0n) throw new UserError("Enter a positive amount.");
  if (userId === admin.id) throw new UserError("You cannot credit your own balance. Ask another admin.");
  const customer = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!customer) throw new UserError("That customer does not exist.");
  const needsSecondAdmin = cents > CREDIT_FOUR_EYES_CENTS;
  return db.$transaction(async (tx) => {
    const credit = await tx.balanceCredit.create({
      data: { userId, amountCents: cents, note, requestedById: admin.id },
    });
    if (needsSecondAdmin) {
      await recordAudit(
        {
          actorId: admin.id,
          action: "ledger.credit.requested",
          targetType: "user",
          targetId: userId,
          details: { creditId: credit.id, cents: cents.toString(), note },
        },
        request,
        tx,
      );
      return { creditId: credit.id, status: "pending" as const };
    }
    const transactionId = await postCredit(tx, credit, admin.id);
    await tx.balanceCredit.update({
      where: { id: credit.id },
      data: { status: "posted", ledgerTransactionId: transactionId },
    });
    await recordAudit(
      {
        actorId: admin.id,
        action: "ledger.credit",
        targetType: "user",
        targetId: userId,
        details: { creditId: credit.id, cents: cents.toString(), note, transactionId },
      },
      request,
      tx,
    );
    return { creditId: credit.id, status: "posted" as const };
  });
}

/** A second admin approves (posts) or rejects a credit that waits for one. Each credit is decided once. */
export async function decideCredit(
  admin: { id: string },
  creditId: string,
  decision: { approve: true } | { approve: false; reason: string },
  request: RequestInfo,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Locking the row makes two admins deciding at once land one decision, the other refused.
    await tx.$queryRaw`SELECT id FROM "BalanceCredit" WHERE id = ${creditId}::uuid FOR UPDATE`;
    const credit = await tx.balanceCredit.findUnique({ where: { id: creditId } });
    if (!credit || credit.status !== "pending") throw new UserError("That credit is not waiting for approval.");
    if (credit.requestedById === admin.id)
      throw new UserError("You asked for this credit; another admin must decide it.");
    if (credit.userId === admin.id) throw new UserError("You cannot decide a credit to your own balance.");
    const decided = { decidedById: admin.id, decidedAt: new Date() };
    let transactionId: string | undefined;
    if (decision.approve) {
      transactionId = await postCredit(tx, credit, admin.id);
      await tx.balanceCredit.update({
        where: { id: creditId },
        data: { status: "posted", ledgerTransactionId: transactionId, ...decided },
      });
    } else {
      await tx.balanceCredit.update({
        where: { id: creditId },
        data: { status: "rejected", rejectionReason: decision.reason, ...decided },
      });
    }
    await recordAudit(
      {
        actorId: admin.id,
        action: decision.approve ? "ledger.credit.approved" : "ledger.credit.rejected",
        targetType: "user",
        targetId: credit.userId,
        details: {
          creditId,
          cents: credit.amountCents.toString(),
          requestedById: credit.requestedById,
          ...(transactionId ? { transactionId } : { reason: (decision as { reason: string }).reason }),
        },
      },
      request,
      tx,
    );
  });
}

export type PendingCredit = {
  id: string;
  userId: string;
  email: string;
  amount: string;
  note: string;
  requestedBy: string | null;
  requestedById: string | null;
  createdAt: Date;
};

/** Credits waiting for a second admin, oldest first (optionally for one customer). */
export async function pendingCredits(userId?: string): Promise<PendingCredit[]> {
  const rows = await db.balanceCredit.findMany({
    where: { status: "pending", ...(userId ? { userId } : {}) },
    orderBy: { createdAt: "asc" },
    take: 100,
    include: { user: { select: { email: true } }, requestedBy: { select: { email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    amount: formatUsd(row.amountCents),
    note: row.note,
    requestedBy: row.requestedBy?.email ?? null,
    requestedById: row.requestedById,
    createdAt: row.createdAt,
  }));
}
