"use server";

// Places an order at checkout (reserving the TH), then pays it from the balance at once or sends
// the customer to Stripe Checkout.
import { redirect } from "next/navigation";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { placeOrder } from "@/lib/orders/place-order";
import { startCardCheckout } from "@/lib/payments/card-checkout";
import { cardPaymentsEnabled, stripe } from "@/lib/payments/stripe";
import { payWithBalance } from "@/lib/orders/pay-with-balance";
import { placeOrderInput } from "@/lib/validation/orders";

export const placeOrderAction = defineAction({ access: "signed-in", input: placeOrderInput }, async (input, ctx) => {
  const client = stripe();
  if (input.paymentMethod === "card" && !(client && cardPaymentsEnabled())) throw new UserError("Card payment is not available. Pay from your balance.");
  const { orderId } = await placeOrder({ userId: ctx.user.id, slug: input.slug, th: input.th, paymentMethod: input.paymentMethod, idempotencyKey: input.idempotencyKey });
  await recordActivity(ctx.user.id, "order_placed", ctx.request, { orderId, th: input.th });
  if (input.paymentMethod === "card") redirect(await startCardCheckout(client!, orderId, ctx.user.id));
  try {
    await payWithBalance(orderId, ctx.user.id);
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(`Your order is reserved for 30 minutes but not paid: ${error.message} You can pay it from Orders.`);
    }
    throw error;
  }
  redirect(`/dashboard/orders?paid=${orderId}`);
});
