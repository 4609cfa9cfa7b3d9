// The Stripe client, when STRIPE_SECRET_KEY is set. Without it card payment is shown as
// unavailable and everything else works.
import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

let client: Stripe | null | undefined;

export function stripe(): Stripe | null {
  if (client === undefined) {
    const key = env().STRIPE_SECRET_KEY;
    client = key ? new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000 }) : null;
  }
  return client;
}

/** Whether customers can pay by card: both Stripe keys are set (the webhook confirms payments). */
export function cardPaymentsEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY && env().STRIPE_WEBHOOK_SECRET);
}

/** The Stripe client for a card payment, or null when card payment is not available. */
export function cardPaymentClient(): Stripe | null {
  return cardPaymentsEnabled() ? stripe() : null;
}
