// Whether a customer may pay for an order right now, asked by every payment path (balance,
// card checkout, the card webhook) so none can skip it. The check runs under a lock on the
// customer's user row: two payments (or placements) of one customer are decided one after the
// other, so orders and payments arriving together cannot each see room under the identity limit.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { exceedsKycLimit, KYC_PURCHASE_LIMIT_MESSAGE } from "@/lib/kyc/gates";

type Tx = Prisma.TransactionClient;

export const ACCOUNT_CANNOT_PAY = "This account cannot pay right now. Contact support.";

/** Why the payment is refused: `message` for an error on screen, `reason` to finish a sentence. */
export type PaymentRefusal = { code: "account" | "identity"; message: string; reason: string };

const REFUSALS: Record<PaymentRefusal["code"], PaymentRefusal> = {
  account: {
    code: "account",
    message: ACCOUNT_CANNOT_PAY,
    reason: "this account cannot buy right now; contact support",
  },
  identity: {
    code: "identity",
    message: KYC_PURCHASE_LIMIT_MESSAGE,
    reason:
      "purchases above $1,000.00 in total need a verified identity; verify it under Identity, then pay from your balance",
  },
};

/**
 * Serialises one customer's placements and payments until the transaction ends. NO KEY UPDATE,
 * so rows that merely reference the user (orders, ledger accounts) can still be written.
 */
export async function lockCustomerPayments(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
}

/** Takes the customer's payment lock, then says why this order may not be paid now (null: it may). */
export async function paymentRefusal(
  tx: Tx,
  order: { id: string; userId: string; totalCents: number },
  now: Date,
): Promise<PaymentRefusal | null> {
  await lockCustomerPayments(tx, order.userId);
  const user = await tx.user.findUnique({ where: { id: order.userId }, select: { status: true } });
  if (user?.status !== "active") return REFUSALS.account;
  if (await exceedsKycLimit(order.userId, { purchaseCents: BigInt(order.totalCents), orderId: order.id, now }, tx))
    return REFUSALS.identity;
  return null;
}
