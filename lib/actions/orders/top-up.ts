"use server";

// Starts a card top-up of the USD balance through Stripe Checkout (credited by the webhook).
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { startTopUpCheckout } from "@/lib/payments/card-checkout";
import { cardPaymentsEnabled, stripe } from "@/lib/payments/stripe";

const input = z.object({
  dollars: z.string({ error: "Enter an amount." }).trim().regex(/^\d{1,5}$/, "Enter whole dollars, from 10 to 50,000.").transform(Number).refine((value) => value >= 10 && value <= 50_000, "Enter whole dollars, from 10 to 50,000."),
});

export const topUpAction = defineAction({ access: "signed-in", input }, async ({ dollars }, ctx) => {
  const client = stripe();
  if (!client || !cardPaymentsEnabled()) throw new UserError("Card top-ups are not available.");
  redirect(await startTopUpCheckout(client, ctx.user.id, dollars * 100));
});
