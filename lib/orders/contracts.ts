// A paid order becomes a contract that starts at 00:00 UTC after the plan's start delay (T+1)
// and runs for the plan's duration.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS, startOfUtcDay } from "@/lib/time/utc-days";

export function contractWindow(
  paidAt: Date,
  startDelayDays: number,
  durationDays: number,
): { startsAt: Date; endsAt: Date } {
  const midnight = startOfUtcDay(paidAt).getTime();
  const startsAt = new Date(midnight + startDelayDays * DAY_MS);
  return { startsAt, endsAt: new Date(startsAt.getTime() + durationDays * DAY_MS) };
}

export async function createContract(tx: Prisma.TransactionClient, orderId: string, paidAt: Date): Promise<string> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { product: { select: { startDelayDays: true, poolFeeBps: true } } },
  });
  const { startsAt, endsAt } = contractWindow(paidAt, order.product.startDelayDays, order.durationDays);
  const contract = await tx.contract.create({
    data: {
      orderId,
      userId: order.userId,
      productId: order.productId,
      th: order.th,
      poolFeeBps: order.product.poolFeeBps,
      startsAt,
      endsAt,
    },
    select: { id: true },
  });
  return contract.id;
}
