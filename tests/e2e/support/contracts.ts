// Contracts for browser tests, written straight into the run's database.
import { query } from "./accounts";

/**
 * A paid 20-day contract (1,000 TH unless said) on the seeded 20-day plan, starting at 00:00 UTC
 * of `startDay` (YYYY-MM-DD). Returns the contract's id.
 */
export async function paidContract(
  userId: string,
  startDay: string,
  { status = "active", th = 1_000 }: { status?: "active" | "scheduled"; th?: number } = {},
): Promise<string> {
  const [product] = await query<{ id: string }>(`SELECT id FROM "Product" WHERE slug = 'antminer-s19-pro-20-days'`);
  const [order] = await query<{ id: string }>(
    `INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
       "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey", "reservedUntil",
       "paidAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 20, 0.2, 0.0425, $4, $5, $6, 'paid', 'balance',
       'e2e-' || gen_random_uuid(), now(), now(), now()) RETURNING id`,
    [userId, product!.id, th, th * 20, th * 85, th * 105],
  );
  const [contract] = await query<{ id: string }>(
    `INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 250, $6::"ContractStatus", $5::date::timestamp AT TIME ZONE 'UTC',
       ($5::date + 20)::timestamp AT TIME ZONE 'UTC', now()) RETURNING id`,
    [order!.id, userId, product!.id, th, startDay, status],
  );
  return contract!.id;
}
