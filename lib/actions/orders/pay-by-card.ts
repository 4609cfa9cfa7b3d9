"use server";

// Sends the customer (back) to Stripe Checkout for a reserved order.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { startCardCheckout } from "@/lib/payments/card-checkout";
import { cardPaymentsEnabled, stripe } from "@/lib/payments/stripe";
import { orderIdInput } from "@/lib/validation/orders";

export const payByCardAction = defineAction({ access: "signed-in", input: orderIdInput }, async ({ orderId }, ctx) => {
  const client = stripe();
  if (!client || !cardPaymentsEnabled()) throw new UserError("Card payment is not available. Pay from your balance.");
  redirect(await startCardCheckout(client, orderId, ctx.user.id));
});
