"use server";

// Cancels a reserved, unpaid order and releases its TH.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { orderIdInput } from "@/lib/validation/orders";
import { routes } from "@/lib/routes";

export const cancelOrderAction = defineAction(
  { access: "signed-in", input: orderIdInput },
  async ({ orderId }, ctx) => {
    await cancelOrder(orderId, ctx.user.id);
    revalidatePath(routes.dashboard.orders);
    return done("Order cancelled; the hashrate is released.");
  },
);
