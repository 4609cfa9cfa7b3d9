// Stripe's webhook: the raw body is verified against STRIPE_WEBHOOK_SECRET before anything else.
// Stripe's events are a few kilobytes; anything over 1 MB is refused before it is read whole.
import { env } from "@/lib/env";
import { BodyTooLargeError, readLimitedText } from "@/lib/http/limited-body";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";

const WEBHOOK_LIMIT_BYTES = 1024 * 1024;

export async function POST(request: Request) {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) return new Response("Card payments are not configured", { status: 404 });
  let body: string;
  try {
    body = await readLimitedText(request, WEBHOOK_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return new Response("Payload too large", { status: 413 });
    throw error;
  }
  const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"), secret);
  return new Response(result.body, { status: result.status, headers: { "content-type": "text/plain" } });
}
