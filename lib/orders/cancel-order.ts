// Cancelling a reserved, unpaid order gives its TH back at once.
import "server-only";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { releaseTh } from "./inventory";

export async function cancelOrder(orderId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, userId },
      select: { productId: true, th: true, status: true },
    });
    if (!order) throw new UserError("That order does not exist.");
    const { count } = await tx.order.updateMany({
      where: { id: orderId, userId, status: "pending_payment" },
      data: { status: "cancelled" },
    });
    if (count !== 1) throw new UserError("Only unpaid orders can be cancelled.");
    await releaseTh(tx, order.productId, order.th);
  });
}
