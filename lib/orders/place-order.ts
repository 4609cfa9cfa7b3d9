// Placing an order reserves its TH in the same transaction that creates it, with one
// conditional UPDATE ("sold + th ≤ inventory"), so concurrent buyers can never oversell. The
// reservation holds for 30 minutes from placement and is never extended. The same idempotency
// key always gives back the same order. Per account: placements are rate-limited, at most three
// unpaid orders are open at once, and the identity limit counts them — checked under the
// customer's payment lock, so orders placed side by side are counted one after the other.
import "server-only";
import { UserError } from "@/lib/errors";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { Prisma, type PaymentMethod } from "@/lib/generated/prisma/client";
import { exceedsKycLimit, KycRequiredError, KYC_PURCHASE_LIMIT_MESSAGE } from "@/lib/kyc/gates";
import { formatInteger } from "@/lib/format/number";
import { priceOrder } from "@/lib/pricing/order-price";
import { reserveTh } from "./inventory";
import { lockCustomerPayments } from "./payment-guard";

export const RESERVATION_MINUTES = 30;
export const OPEN_ORDER_LIMIT = 3;
export const NOT_ENOUGH_LEFT = "Not enough hashrate left";

export type PlaceOrderInput = {
  userId: string;
  slug: string;
  th: number;
  paymentMethod: PaymentMethod;
  idempotencyKey: string;
};

export async function placeOrder(
  input: PlaceOrderInput,
  now = new Date(),
): Promise<{ orderId: string; created: boolean }> {
  await consumeLimit("orderPlacementPerAccount", input.userId);
  const [user, product] = await Promise.all([
    db.user.findUnique({ where: { id: input.userId }, select: { emailVerifiedAt: true, status: true } }),
    db.product.findUnique({ where: { slug: input.slug } }),
  ]);
  if (!user || user.status !== "active") throw new UserError("This account cannot buy right now. Contact support.");
  if (!user.emailVerifiedAt)
    throw new UserError("Confirm your email address before buying. We can send a new link from your dashboard.");

  if (!product || product.status !== "on_sale") throw new UserError("This plan is not on sale.");
  if (!Number.isSafeInteger(input.th) || input.th < product.minOrderTh || input.th > product.maxOrderTh) {
    throw new UserError(
      `Choose between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`,
      {
        th: [`Between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`],
      },
    );
  }
  const rates = {
    hashrateFeePerTh: product.hashrateFeePerTh.toFixed(6),
    serviceFeePerThDay: product.serviceFeePerThDay.toFixed(6),
    durationDays: product.durationDays,
  };
  const price = priceOrder(rates, input.th);

  try {
    return await db.$transaction(async (tx) => {
      await lockCustomerPayments(tx, input.userId);
      // A repeat (double submit) is the order it repeats, not a refusal: looked up only when
      // something below would refuse, so the common path pays nothing for it.
      const repeat = async () => {
        const order = await tx.order.findUnique({
          where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } },
          select: { id: true },
        });
        return order ? { orderId: order.id, created: false } : null;
      };
      const open = await tx.order.count({
        where: { userId: input.userId, status: "pending_payment", reservedUntil: { gt: now } },
      });
      if (open >= OPEN_ORDER_LIMIT) {
        const same = await repeat();
        if (same) return same;
        throw new UserError(`You have ${OPEN_ORDER_LIMIT} unpaid orders. Pay or cancel one before placing another.`);
      }
      if (await exceedsKycLimit(input.userId, { purchaseCents: price.totalCents, now }, tx)) {
        const same = await repeat();
        if (same) return same;
        throw new KycRequiredError(KYC_PURCHASE_LIMIT_MESSAGE);
      }
      if (!(await reserveTh(tx, product.id, input.th, { onSaleOnly: true }))) {
        const same = await repeat();
        if (same) return same;
        const left = await tx.product.findUniqueOrThrow({
          where: { id: product.id },
          select: { soldTh: true, inventoryTh: true },
        });
        const remaining = Math.max(0, left.inventoryTh - left.soldTh);
        throw new UserError(
          `${NOT_ENOUGH_LEFT}: ${formatInteger(remaining)} TH remain${remaining >= product.minOrderTh ? "; choose fewer" : ""}.`,
          {
            th: [`Only ${formatInteger(remaining)} TH left.`],
          },
        );
      }
      const order = await tx.order.create({
        data: {
          userId: input.userId,
          productId: product.id,
          th: input.th,
          durationDays: product.durationDays,
          hashrateFeePerTh: rates.hashrateFeePerTh,
          serviceFeePerThDay: rates.serviceFeePerThDay,
          hashrateFeeCents: Number(price.hashrateFeeCents),
          serviceFeeCents: Number(price.serviceFeeCents),
          totalCents: Number(price.totalCents),
          paymentMethod: input.paymentMethod,
          idempotencyKey: input.idempotencyKey,
          reservedUntil: new Date(now.getTime() + RESERVATION_MINUTES * 60_000),
        },
        select: { id: true },
      });
      return { orderId: order.id, created: true };
    });
  } catch (error) {
    // A double submit: the first request created the order; this one's reservation was rolled back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const order = await db.order.findUnique({
        where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } },
        select: { id: true },
      });
      if (order) return { orderId: order.id, created: false };
    }
    throw error;
  }
}
