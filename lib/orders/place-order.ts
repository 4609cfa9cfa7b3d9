// Placing an order reserves its TH in the same transaction that creates it, with one
// conditional UPDATE ("sold + th ≤ inventory"), so concurrent buyers can never oversell. The
// reservation holds for 30 minutes from placement and is never extended. The same idempotency
// key always gives back the same order. Per account: placements are rate-limited, at most three
// unpaid orders are open at once, and the identity limit counts them — checked under the
// customer's payment lock, so orders placed side by side are counted one after the other.
import "server-only";
import { randomUUID } from "node:crypto";
import { UserError } from "@/lib/errors";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { pgTransaction } from "@/lib/db/pool";
import { Prisma, type PaymentMethod } from "@/lib/generated/prisma/client";
import {
  exceedsLimit,
  kycStandingColumns,
  KycRequiredError,
  KYC_PURCHASE_LIMIT_MESSAGE,
  type KycStanding,
} from "@/lib/kyc/gates";
import { formatInteger } from "@/lib/format/number";
import { priceOrder } from "@/lib/pricing/order-price";
import { reserveThStatement } from "./inventory";

export const RESERVATION_MINUTES = 30;
export const OPEN_ORDER_LIMIT = 3;
export const NOT_ENOUGH_LEFT = "Not enough hashrate left";

/** Rolls back a placement that turned out to repeat an order placed before, and names that order. */
class Repeat extends Error {
  constructor(readonly orderId: string) {
    super("a repeat of an earlier order");
  }
}

/** The buyer and the plan as placement reads them; the plan's fields are null when no plan has the slug. */
type PlacementFacts = {
  userStatus: string;
  emailVerified: boolean;
  productId: string;
  productStatus: string | null;
  minOrderTh: number;
  maxOrderTh: number;
  durationDays: number;
  hashrateFeePerTh: string;
  serviceFeePerThDay: string;
};

export type PlaceOrderInput = {
  userId: string;
  slug: string;
  th: number;
  paymentMethod: PaymentMethod;
  idempotencyKey: string;
};

/** The buyer may buy and the plan is on sale in the amount asked for: the order's rates and price. */
function checkedPlacement(found: PlacementFacts | undefined, th: number) {
  if (!found || found.userStatus !== "active")
    throw new UserError("This account cannot buy right now. Contact support.");
  if (!found.emailVerified)
    throw new UserError("Confirm your email address before buying. We can send a new link from your dashboard.");
  if (found.productStatus !== "on_sale") throw new UserError("This plan is not on sale.");
  const product = { ...found, id: found.productId };
  if (!Number.isSafeInteger(th) || th < product.minOrderTh || th > product.maxOrderTh) {
    throw new UserError(
      `Choose between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`,
      {
        th: [`Between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`],
      },
    );
  }
  // numeric(14,6) as text: six decimals, as the order keeps them.
  const rates = {
    hashrateFeePerTh: product.hashrateFeePerTh,
    serviceFeePerThDay: product.serviceFeePerThDay,
    durationDays: product.durationDays,
  };
  return { product, rates, price: priceOrder(rates, th) };
}

export async function placeOrder(
  input: PlaceOrderInput,
  now = new Date(),
): Promise<{ orderId: string; created: boolean }> {
  await consumeLimit("orderPlacementPerAccount", input.userId);
  // Placement is the busiest write path (tests/bench/orders.ts) and every statement in it is
  // SQL already, so it speaks to the database through pg directly: a statement costs one round
  // trip, and COMMIT follows the insert at once, so the plan's row is locked for as short a time
  // as it can be.
  const repeatOf = Prisma.sql`
    SELECT id FROM "Order" WHERE "userId" = ${input.userId}::uuid AND "idempotencyKey" = ${input.idempotencyKey}`;
  try {
    return await pgTransaction(async (tx) => {
      // The buyer and the plan in one read, which also takes the customer's payment lock
      // (payment-guard.ts): one customer's placements and payments are decided one at a time.
      const {
        rows: [found],
      } = await tx.query<PlacementFacts>(Prisma.sql`
        SELECT u.status::text AS "userStatus", u."emailVerifiedAt" IS NOT NULL AS "emailVerified",
          p.id AS "productId", p.status::text AS "productStatus", p."minOrderTh", p."maxOrderTh", p."durationDays",
          p."hashrateFeePerTh"::text AS "hashrateFeePerTh", p."serviceFeePerThDay"::text AS "serviceFeePerThDay"
        FROM "User" u LEFT JOIN "Product" p ON p.slug = ${input.slug}
        WHERE u.id = ${input.userId}::uuid
        FOR NO KEY UPDATE OF u`);
      const { product, rates, price } = checkedPlacement(found, input.th);
      // A repeat (double submit) is the order it repeats, not a refusal: looked up only when
      // something below would refuse, so the common path pays nothing for it.
      const repeat = async () => {
        const { rows } = await tx.query<{ id: string }>(repeatOf);
        return rows[0] ? { orderId: rows[0].id, created: false } : null;
      };
      // The open orders and the identity standing in one read, under the lock.
      const {
        rows: [standing],
      } = await tx.query<KycStanding & { open: number }>(Prisma.sql`
        SELECT
          (SELECT count(*)::int FROM "Order"
            WHERE "userId" = ${input.userId}::uuid AND status = 'pending_payment' AND "reservedUntil" > ${now}) AS open,
          ${kycStandingColumns(input.userId, { now })}`);
      if (standing!.open >= OPEN_ORDER_LIMIT) {
        const same = await repeat();
        if (same) return same;
        throw new UserError(`You have ${OPEN_ORDER_LIMIT} unpaid orders. Pay or cancel one before placing another.`);
      }
      if (exceedsLimit(standing!, price.totalCents)) {
        const same = await repeat();
        if (same) return same;
        throw new KycRequiredError(KYC_PURCHASE_LIMIT_MESSAGE);
      }
      // Reserving and inserting are one statement, the last before COMMIT: the product's row,
      // which every buyer of the plan must lock in turn, is held as briefly as it can be.
      const orderId = randomUUID();
      const reservedUntil = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
      const placed = await tx.query<{ id: string }>(Prisma.sql`
        WITH reserved AS (${reserveThStatement(product.id, input.th, { onSaleOnly: true })})
        INSERT INTO "Order" (
          id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
          "hashrateFeeCents", "serviceFeeCents", "totalCents", "paymentMethod", "idempotencyKey",
          "reservedUntil", "updatedAt"
        )
        SELECT ${orderId}::uuid, ${input.userId}::uuid, reserved.id, ${input.th}, ${product.durationDays},
          ${rates.hashrateFeePerTh}::numeric, ${rates.serviceFeePerThDay}::numeric,
          ${Number(price.hashrateFeeCents)}, ${Number(price.serviceFeeCents)}, ${Number(price.totalCents)},
          ${input.paymentMethod}::"PaymentMethod", ${input.idempotencyKey}, ${reservedUntil}, now()
        FROM reserved
        ON CONFLICT ("userId", "idempotencyKey") DO NOTHING
        RETURNING id`);
      if (placed.rowCount === 1) return { orderId, created: true };
      // Nothing inserted: a repeat of an order placed before (its reservation, just taken, is
      // rolled back with the transaction), or not enough TH left.
      const same = await repeat();
      if (same) throw new Repeat(same.orderId);
      const {
        rows: [left],
      } = await tx.query<{ soldTh: number; inventoryTh: number }>(
        Prisma.sql`SELECT "soldTh", "inventoryTh" FROM "Product" WHERE id = ${product.id}::uuid`,
      );
      const remaining = Math.max(0, left!.inventoryTh - left!.soldTh);
      throw new UserError(
        `${NOT_ENOUGH_LEFT}: ${formatInteger(remaining)} TH remain${remaining >= product.minOrderTh ? "; choose fewer" : ""}.`,
        {
          th: [`Only ${formatInteger(remaining)} TH left.`],
        },
      );
    });
  } catch (error) {
    if (error instanceof Repeat) return { orderId: error.orderId, created: false };
    throw error;
  }
}
