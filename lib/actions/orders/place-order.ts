"use server";

// Places an order at checkout (reserving the TH), then pays it from the balance at once or sends
// the customer to Stripe Checkout.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { checkout } from "@/lib/orders/checkout";
import { placeOrderInput } from "@/lib/validation/orders";

export const placeOrderAction = defineAction({ access: "signed-in", input: placeOrderInput }, async (input, ctx) => {
  redirect(await checkout(ctx.user.id, input, ctx.request));
});
