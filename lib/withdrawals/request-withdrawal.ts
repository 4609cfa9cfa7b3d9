// A customer withdraws BTC to their payout address. It needs an approved identity, 2FA on and a
// fresh TOTP code, at least the minimum, and an address past its 24-hour hold; the amount (the
// network fee is deducted from it) is held at once: customer cash → customer held, under a lock
// on the customer's BTC account so two requests at once cannot both hold the same satoshis
// (docs/product-rules.md §8).
import "server-only";
import { recordActivity, recordAudit, type RequestInfo } from "@/lib/activity/record";
import { confirmWithTotp } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format/date";
import { assertKycAllows } from "@/lib/kyc/gates";
import { balance, customerBtc, customerHeldBtc, lockAccount, postTransaction } from "@/lib/ledger/ledger";
import { sendMail } from "@/lib/mail/send-mail";
import { withdrawalMail } from "@/lib/mail/templates";
import { formatBtc } from "@/lib/money/format";
import { MIN_WITHDRAWAL_SATS, WITHDRAWAL_NETWORK_FEE_SATS } from "./rules";

const tooLittle = () =>
  new UserError(`The smallest withdrawal is ${formatBtc(MIN_WITHDRAWAL_SATS)}.`, {
    amount: [`Enter at least ${formatBtc(MIN_WITHDRAWAL_SATS)}.`],
  });
const tooMuch = (available: bigint) =>
  new UserError(`That is more than your balance of ${formatBtc(available)}.`, {
    amount: [`Enter at most ${formatBtc(available)}.`],
  });

const restricted = () => new UserError("This account cannot withdraw right now. Contact support.");

/** Refuses a withdrawal the customer may not make now; changes nothing. */
async function assertMayWithdraw(userId: string, amountSats: bigint, now: Date) {
  // A restricted account keeps signing in but neither buys nor withdraws.
  const account = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (account?.status !== "active") throw restricted();
  await assertKycAllows(userId, { withdrawal: true });
  if (amountSats < MIN_WITHDRAWAL_SATS) throw tooLittle();
  const address = await db.payoutAddress.findUnique({ where: { userId } });
  if (!address) throw new UserError("Set a payout address first.");
  if (address.withdrawalsFrom > now) {
    throw new UserError(
      `Your payout address changed recently; withdrawals open at ${formatUtcDateTime(address.withdrawalsFrom)} (UTC).`,
    );
  }
  const available = await balance(db, customerBtc(userId));
  if (amountSats > available) throw tooMuch(available);
}

export async function requestWithdrawal(
  user: { id: string; email: string; totpEnabledAt: Date | null },
  input: { amountSats: bigint; code: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<{ withdrawalId: string }> {
  if (!user.totpEnabledAt) {
    throw new UserError("Withdrawals need two-factor authentication. Turn it on under Security in your dashboard.");
  }
  // The cheap refusals come first, so a request that would fail anyway does not use up a code.
  await assertMayWithdraw(user.id, input.amountSats, now);
  await confirmWithTotp(user, input.code, request, "withdrawal");
  const withdrawal = await holdWithdrawal(user.id, input.amountSats, request, now);
  await sendMail(
    withdrawalMail(user.email, {
      step: "requested",
      amount: formatBtc(withdrawal.amountSats),
      fee: formatBtc(withdrawal.networkFeeSats),
      address: withdrawal.address,
    }),
  );
  return { withdrawalId: withdrawal.id };
}

/**
 * Records the withdrawal and holds its amount, re-checking everything under the lock on the
 * customer's BTC cash account: of two requests for the whole balance, the second finds it gone.
 */
export async function holdWithdrawal(userId: string, amountSats: bigint, request: RequestInfo, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    await lockAccount(tx, customerBtc(userId));
    const account = await tx.user.findUnique({ where: { id: userId }, select: { status: true } });
    if (account?.status !== "active") throw restricted();
    await assertKycAllows(userId, { withdrawal: true }, tx);
    // Read under a row lock so an address change cannot slip in between the check and the hold.
    await tx.$queryRaw`SELECT id FROM "PayoutAddress" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
    const address = await tx.payoutAddress.findUnique({ where: { userId } });
    if (!address) throw new UserError("Set a payout address first.");
    if (address.withdrawalsFrom > now) throw new UserError("Your payout address changed recently; try again later.");
    if (amountSats < MIN_WITHDRAWAL_SATS) throw tooLittle();
    const available = await balance(tx, customerBtc(userId));
    if (amountSats > available) throw tooMuch(available);
    const withdrawal = await tx.withdrawal.create({
      data: {
        userId,
        address: address.address,
        network: address.network,
        amountSats,
        networkFeeSats: WITHDRAWAL_NETWORK_FEE_SATS,
      },
    });
    await postTransaction(tx, {
      kind: "withdrawal_hold",
      description: `Withdrawal to ${address.address} held`,
      withdrawalId: withdrawal.id,
      createdById: userId,
      idempotencyKey: `withdrawal:${withdrawal.id}:hold`,
      postings: [
        { account: customerBtc(userId), amount: -amountSats },
        { account: customerHeldBtc(userId), amount: amountSats },
      ],
    });
    const details = { withdrawalId: withdrawal.id, sats: amountSats.toString(), address: address.address };
    await recordActivity(userId, "withdrawal_requested", request, details, tx);
    await recordAudit(
      { actorId: userId, action: "withdrawal.requested", targetType: "withdrawal", targetId: withdrawal.id, details },
      request,
      tx,
    );
    return withdrawal;
  });
}
