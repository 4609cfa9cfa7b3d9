// What needs an approved identity check (DESIGN §4.5, §6): cumulative purchases above
// 1,000 USD, and any withdrawal. The buying and withdrawal actions call this on the server.
import "server-only";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";

export const KYC_FREE_PURCHASE_LIMIT_CENTS = 100_000n;

export class KycRequiredError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "KycRequiredError";
  }
}

export type KycGate = { purchaseCents: bigint } | { withdrawal: true };

export async function assertKycAllows(userId: string, gate: KycGate, client: Pick<typeof db, "kycCase" | "order"> = db): Promise<void> {
  const kyc = await client.kycCase.findUnique({ where: { userId }, select: { status: true } });
  if (kyc?.status === "approved") return;
  if ("withdrawal" in gate) throw new KycRequiredError("Withdrawals need a verified identity. Verify it under Identity in your dashboard.");
  const paid = await client.order.aggregate({ where: { userId, status: "paid" }, _sum: { totalCents: true } });
  const total = BigInt(paid._sum.totalCents ?? 0) + gate.purchaseCents;
  if (total > KYC_FREE_PURCHASE_LIMIT_CENTS) {
    throw new KycRequiredError("Purchases above $1,000.00 in total need a verified identity. Verify it under Identity in your dashboard.");
  }
}
