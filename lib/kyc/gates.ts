// What needs an approved identity check: cumulative purchases above 1,000 USD, and any
// withdrawal. Placing an order and every payment path (balance and card) check it on the server.
import "server-only";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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

type Client = Pick<typeof db, "$queryRaw" | "kycCase">;

/** What the limit is decided on: an approved identity, and the cents already committed. */
export type KycStanding = { approved: boolean; committed: bigint };

/**
 * The customer's standing as two columns, `approved` and `committed`, for a SELECT list (so a
 * caller can read it in a statement it makes anyway). Every order that holds or has taken money
 * counts: paid ones, and unpaid ones whose reservation is live — so several card orders placed
 * side by side cannot each see $0 and all go through. `orderId`, the order being paid, is not
 * counted twice.
 */
export function kycStandingColumns(userId: string, gate: { orderId?: string; now?: Date }): Prisma.Sql {
  return Prisma.sql`
    EXISTS (SELECT 1 FROM "KycCase" WHERE "userId" = ${userId}::uuid AND status = 'approved') AS approved,
    (SELECT COALESCE(SUM("totalCents"), 0)::bigint FROM "Order"
      WHERE "userId" = ${userId}::uuid AND id IS DISTINCT FROM ${gate.orderId ?? null}::uuid
        AND (status = 'paid' OR (status = 'pending_payment' AND "reservedUntil" > ${gate.now ?? new Date()}))
    ) AS committed`;
}

/** True when a purchase of `purchaseCents` would take an unverified customer past the limit. */
export function exceedsLimit(standing: KycStanding, purchaseCents: bigint): boolean {
  return !standing.approved && BigInt(standing.committed) + purchaseCents > KYC_FREE_PURCHASE_LIMIT_CENTS;
}

/**
 * True when the purchase would take an unverified customer past the limit. Callers that must
 * not race (placement, fulfilment) hold the customer's payment lock.
 */
export async function exceedsKycLimit(
  userId: string,
  gate: { purchaseCents: bigint; orderId?: string; now?: Date },
  client: Client = db,
): Promise<boolean> {
  const [standing] = await client.$queryRaw<KycStanding[]>`SELECT ${kycStandingColumns(userId, gate)}`;
  return exceedsLimit(standing!, gate.purchaseCents);
}

export async function assertKycAllows(userId: string, gate: KycGate, client: Client = db): Promise<void> {
  if ("withdrawal" in gate) {
    const kyc = await client.kycCase.findUnique({ where: { userId }, select: { status: true } });
    if (kyc?.status === "approved") return;
    throw new KycRequiredError("Withdrawals need a verified identity. Verify it under Identity in your dashboard.");
  }
  if (await exceedsKycLimit(userId, gate, client)) throw new KycRequiredError(KYC_PURCHASE_LIMIT_MESSAGE);
}
