"use server";

// Sends the customer (back) to Stripe Checkout for a reserved order.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { payOrderByCard } from "@/lib/payments/card-checkout";
import { orderIdInput } from "@/lib/validation/orders";

export const payByCardAction = defineAction({ access: "signed-in", input: orderIdInput }, async ({ orderId }, ctx) => {
  redirect(await payOrderByCard(orderId, ctx.user.id));
});
