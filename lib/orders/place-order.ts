// Placing an order reserves its TH in the same transaction that creates it, with one
// conditional UPDATE ("sold + th ≤ inventory"), so concurrent buyers can never oversell. The
// reservation holds for 30 minutes. The same idempotency key always gives back the same order.
import "server-only";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { Prisma, type PaymentMethod } from "@/lib/generated/prisma/client";
import { assertKycAllows } from "@/lib/kyc/gates";
import { formatInteger } from "@/lib/money/format";
import { priceOrder } from "@/lib/pricing/order-price";
import { reserveTh } from "./inventory";

export const RESERVATION_MINUTES = 30;
export const NOT_ENOUGH_LEFT = "Not enough hashrate left";

export type PlaceOrderInput = { userId: string; slug: string; th: number; paymentMethod: PaymentMethod; idempotencyKey: string };

export async function placeOrder(input: PlaceOrderInput, now = new Date()): Promise<{ orderId: string; created: boolean }> {
  // A repeated idempotency key is caught by the unique index at insert (below), which rolls the
  // repeat's reservation back with it, so there is no look-up here on the common path.
  const [user, product] = await Promise.all([
    db.user.findUnique({ where: { id: input.userId }, select: { emailVerifiedAt: true, status: true } }),
    db.product.findUnique({ where: { slug: input.slug } }),
  ]);
  if (!user || user.status !== "active") throw new UserError("This account cannot buy right now. Contact support.");
  if (!user.emailVerifiedAt) throw new UserError("Confirm your email address before buying. We can send a new link from your dashboard.");

  if (!product || product.status !== "on_sale") throw new UserError("This plan is not on sale.");
  if (!Number.isSafeInteger(input.th) || input.th < product.minOrderTh || input.th > product.maxOrderTh) {
    throw new UserError(`Choose between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`, {
      th: [`Between ${formatInteger(product.minOrderTh)} and ${formatInteger(product.maxOrderTh)} TH.`],
    });
  }
  const rates = { hashrateFeePerTh: product.hashrateFeePerTh.toFixed(6), serviceFeePerThDay: product.serviceFeePerThDay.toFixed(6), durationDays: product.durationDays };
  const price = priceOrder(rates, input.th);
  await assertKycAllows(input.userId, { purchaseCents: price.totalCents });

  try {
    return await db.$transaction(async (tx) => {
      if (!(await reserveTh(tx, product.id, input.th, { onSaleOnly: true }))) {
        // A repeat of an order that took the last TH is still that order, not a refusal.
        const repeat = await tx.order.findUnique({ where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
        if (repeat) return { orderId: repeat.id, created: false };
        const left = await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: { soldTh: true, inventoryTh: true } });
        const remaining = Math.max(0, left.inventoryTh - left.soldTh);
        throw new UserError(`${NOT_ENOUGH_LEFT}: ${formatInteger(remaining)} TH remain${remaining >= product.minOrderTh ? "; choose fewer" : ""}.`, {
          th: [`Only ${formatInteger(remaining)} TH left.`],
        });
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
      const order = await db.order.findUniqueOrThrow({ where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
      return { orderId: order.id, created: false };
    }
    throw error;
  }
}
