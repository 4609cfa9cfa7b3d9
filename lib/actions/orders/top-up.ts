"use server";

// Starts a card top-up of the USD balance through Stripe Checkout (credited by the webhook).
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { topUpByCard } from "@/lib/payments/card-checkout";
import { topUpInput } from "@/lib/validation/ledger";

export const topUpAction = defineAction({ access: "signed-in", input: topUpInput }, async ({ dollars }, ctx) => {
  redirect(await topUpByCard(ctx.user.id, dollars * 100));
});
