// What needs an approved identity check: cumulative purchases above 1,000 USD, and any
// withdrawal. Placing an order and every payment path (balance and card) check it on the server.
import "server-only";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";

export const KYC_FREE_PURCHASE_LIMIT_CENTS = 100_000n;
export const KYC_PURCHASE_LIMIT_MESSAGE =
  "Purchases above $1,000.00 in total need a verified identity. Verify it under Identity in your dashboard.";

export class KycRequiredError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "KycRequiredError";
  }
}

/**
 * A purchase of `purchaseCents`. `orderId` is the order being paid, when it already exists (it
 * is then not counted twice); `now` decides which reservations are still live.
 */
export type KycGate = { purchaseCents: bigint; orderId?: string; now?: Date } | { withdrawal: true };

type Client = Pick<typeof db, "kycCase" | "order">;

/**
 * True when the purchase would take an unverified customer past the limit. Every order that
 * holds or has taken money counts: paid ones, and unpaid ones whose reservation is live — so
 * several card orders placed side by side cannot each see $0 and all go through. Callers that
 * must not race (placement, fulfilment) hold the lock on the customer's USD account.
 */
export async function exceedsKycLimit(
  userId: string,
  gate: { purchaseCents: bigint; orderId?: string; now?: Date },
  client: Client = db,
): Promise<boolean> {
  const kyc = await client.kycCase.findUnique({ where: { userId }, select: { status: true } });
  if (kyc?.status === "approved") return false;
  const committed = await client.order.aggregate({
    where: {
      userId,
      ...(gate.orderId ? { id: { not: gate.orderId } } : {}),
      OR: [{ status: "paid" }, { status: "pending_payment", reservedUntil: { gt: gate.now ?? new Date() } }],
    },
    _sum: { totalCents: true },
  });
  return BigInt(committed._sum.totalCents ?? 0) + gate.purchaseCents > KYC_FREE_PURCHASE_LIMIT_CENTS;
}

export async function assertKycAllows(userId: string, gate: KycGate, client: Client = db): Promise<void> {
  if ("withdrawal" in gate) {
    const kyc = await client.kycCase.findUnique({ where: { userId }, select: { status: true } });
    if (kyc?.status === "approved") return;
    throw new KycRequiredError("Withdrawals need a verified identity. Verify it under Identity in your dashboard.");
  }
  if (await exceedsKycLimit(userId, gate, client)) throw new KycRequiredError(KYC_PURCHASE_LIMIT_MESSAGE);
}
