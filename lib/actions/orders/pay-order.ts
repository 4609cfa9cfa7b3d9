"use server";

// Pays a reserved order from the balance (from the orders page).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { payWithBalance } from "@/lib/orders/pay-with-balance";
import { orderIdInput } from "@/lib/validation/orders";
import { routes } from "@/lib/routes";

export const payOrderAction = defineAction({ access: "signed-in", input: orderIdInput }, async ({ orderId }, ctx) => {
  await payWithBalance(orderId, ctx.user.id);
  revalidatePath(routes.dashboard.orders);
  return done("Paid. Your contract starts at 00:00 UTC tomorrow.");
});
