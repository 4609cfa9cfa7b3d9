// Admins decide withdrawals: pay one out (entering the Bitcoin transaction id) or reject it (the
// hold goes back to the customer's cash, with a reason). Above the four-eyes threshold a first
// admin approves and a different admin pays out. Nobody decides their own withdrawal; every step
// is audited and emailed (docs/product-rules.md §8). The database refuses the same (CHECKs).
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { Prisma, Withdrawal } from "@/lib/generated/prisma/client";
import { customerBtc, customerHeldBtc, postTransaction } from "@/lib/ledger/ledger";
import { sendMail } from "@/lib/mail/send-mail";
import { withdrawalMail } from "@/lib/mail/templates";
import { formatBtc } from "@/lib/money/format";
import { WITHDRAWAL_FOUR_EYES_SATS } from "./rules";

type Tx = Prisma.TransactionClient;
export type WithdrawalDecision =
  { kind: "approve" } | { kind: "pay"; txid: string } | { kind: "reject"; reason: string };

export const needsSecondAdmin = (amountSats: bigint) => amountSats > WITHDRAWAL_FOUR_EYES_SATS;

/** Locks a waiting withdrawal so two admins deciding at once land one decision, the other refused. */
async function lockWaiting(tx: Tx, withdrawalId: string, admin: { id: string }): Promise<Withdrawal> {
  await tx.$queryRaw`SELECT id FROM "Withdrawal" WHERE id = ${withdrawalId}::uuid FOR UPDATE`;
  const withdrawal = await tx.withdrawal.findUnique({ where: { id: withdrawalId } });
  if (!withdrawal || withdrawal.status !== "requested") throw new UserError("That withdrawal is not waiting any more.");
  if (withdrawal.userId === admin.id) throw new UserError("This is your own withdrawal; another admin must decide it.");
  return withdrawal;
}

export async function decideWithdrawal(
  admin: { id: string },
  withdrawalId: string,
  decision: WithdrawalDecision,
  request: RequestInfo,
): Promise<"approved" | "paid" | "rejected"> {
  const outcome = await db.$transaction(async (tx) => {
    const withdrawal = await lockWaiting(tx, withdrawalId, admin);
    const { amountSats, networkFeeSats, userId } = withdrawal;
    const audit = (action: string, details: Record<string, string>) =>
      recordAudit(
        {
          actorId: admin.id,
          action,
          targetType: "withdrawal",
          targetId: withdrawalId,
          details: { userId, sats: amountSats.toString(), ...details },
        },
        request,
        tx,
      );

    if (decision.kind === "approve") {
      if (!needsSecondAdmin(amountSats)) throw new UserError("This withdrawal needs no second admin: pay it out.");
      if (withdrawal.firstApprovedById)
        throw new UserError("This withdrawal is already approved; it waits for payout.");
      await tx.withdrawal.update({
        where: { id: withdrawalId, status: "requested" },
        data: { firstApprovedById: admin.id, firstApprovedAt: new Date() },
      });
      await audit("withdrawal.approved", {});
      return { step: "approved" as const, withdrawal };
    }

    if (decision.kind === "pay") {
      if (needsSecondAdmin(amountSats)) {
        if (!withdrawal.firstApprovedById) {
          throw new UserError(`Above ${formatBtc(WITHDRAWAL_FOUR_EYES_SATS)} a first admin approves before payout.`);
        }
        if (withdrawal.firstApprovedById === admin.id) {
          throw new UserError("You approved this withdrawal; a different admin must pay it out.");
        }
      }
      const transactionId = await postTransaction(tx, {
        kind: "withdrawal_payout",
        description: `Withdrawal paid out (txid ${decision.txid})`,
        withdrawalId,
        createdById: admin.id,
        idempotencyKey: `withdrawal:${withdrawalId}:payout`,
        postings: [
          { account: customerHeldBtc(userId), amount: -amountSats },
          { account: { kind: "withdrawal_payout", currency: "BTC" }, amount: amountSats - networkFeeSats },
          ...(networkFeeSats > 0n
            ? [{ account: { kind: "network_fees" as const, currency: "BTC" as const }, amount: networkFeeSats }]
            : []),
        ],
      });
      await tx.withdrawal.update({
        where: { id: withdrawalId, status: "requested" },
        data: { status: "paid", txid: decision.txid, reviewedById: admin.id, reviewedAt: new Date() },
      });
      await audit("withdrawal.paid", { txid: decision.txid, transactionId });
      return { step: "paid" as const, withdrawal };
    }

    const transactionId = await postTransaction(tx, {
      kind: "withdrawal_release",
      description: `Withdrawal rejected: ${decision.reason}`,
      withdrawalId,
      createdById: admin.id,
      idempotencyKey: `withdrawal:${withdrawalId}:release`,
      postings: [
        { account: customerHeldBtc(userId), amount: -amountSats },
        { account: customerBtc(userId), amount: amountSats },
      ],
    });
    await tx.withdrawal.update({
      where: { id: withdrawalId, status: "requested" },
      data: { status: "rejected", rejectionReason: decision.reason, reviewedById: admin.id, reviewedAt: new Date() },
    });
    await audit("withdrawal.rejected", { reason: decision.reason, transactionId });
    return { step: "rejected" as const, withdrawal };
  });

  const customer = await db.user.findUniqueOrThrow({
    where: { id: outcome.withdrawal.userId },
    select: { email: true },
  });
  const amount = formatBtc(outcome.withdrawal.amountSats);
  await sendMail(
    withdrawalMail(
      customer.email,
      decision.kind === "pay"
        ? { step: "paid", amount, txid: decision.txid }
        : decision.kind === "reject"
          ? { step: "rejected", amount, reason: decision.reason }
          : { step: "approved", amount },
    ),
  );
  return outcome.step;
}
