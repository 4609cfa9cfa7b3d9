// Ends unpaid orders whose 30-minute reservation is over and gives their TH back, in one
// statement (set-based, idempotent: a second run finds nothing).
import "server-only";
import { db } from "@/lib/db";

export async function expireReservations(now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ expired: bigint }[]>`
    WITH expired AS (
      UPDATE "Order" SET status = 'expired', "updatedAt" = now()
      WHERE status = 'pending_payment' AND "reservedUntil" <= ${now}
      RETURNING "productId", th
    ), released AS (
      UPDATE "Product" p SET "soldTh" = p."soldTh" - e.th, "updatedAt" = now()
      FROM (SELECT "productId", SUM(th)::int AS th FROM expired GROUP BY "productId") e
      WHERE p.id = e."productId"
      RETURNING p.id
    )
    SELECT (SELECT count(*) FROM expired) AS expired`;
  return Number(rows[0]?.expired ?? 0);
}
