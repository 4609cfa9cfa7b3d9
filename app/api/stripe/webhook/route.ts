// Stripe's webhook: the raw body is verified against STRIPE_WEBHOOK_SECRET before anything else.
import { env } from "@/lib/env";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";

export async function POST(request: Request) {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) return new Response("Card payments are not configured", { status: 404 });
  const result = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"), secret);
  return new Response(result.body, { status: result.status, headers: { "content-type": "text/plain" } });
}
