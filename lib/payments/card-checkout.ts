// Card payment through Stripe Checkout. The session is created on the server with the order's
// total from the database, the order id as client_reference_id and metadata, and an idempotency
// key derived from the order (so "pay again" gets the same open session). Fulfilment happens
// only in the webhook, never on the success page.
import "server-only";
import type Stripe from "stripe";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const MIN_SESSION_MS = 31 * 60_000; // Stripe wants a session to stay open at least 30 minutes

export async function startCardCheckout(client: Stripe, orderId: string, userId: string, now = new Date()): Promise<string> {
  const order = await db.order.findFirst({ where: { id: orderId, userId }, include: { product: { select: { title: true } }, user: { select: { email: true } } } });
  if (!order) throw new UserError("That order does not exist.");
  if (order.status !== "pending_payment" || order.reservedUntil <= now) throw new UserError("This order can no longer be paid. Place a new one.");

  // The reservation is held for as long as the card payment page is open.
  const expiresAt = new Date(Math.max(order.reservedUntil.getTime(), now.getTime() + MIN_SESSION_MS));
  const origin = env().APP_URL;
  const session = await client.checkout.sessions.create(
    {
      mode: "payment",
      customer_email: order.user.email,
      client_reference_id: order.id,
      metadata: { kind: "order", orderId: order.id, userId },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: order.totalCents,
            product_data: { name: `${order.product.title} — ${order.th} TH (hashrate and prepaid service fees)` },
          },
        },
      ],
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      success_url: `${origin}/dashboard/orders?card=${order.id}`,
      cancel_url: `${origin}/dashboard/orders`,
    },
    { idempotencyKey: `checkout-order-${order.id}-${expiresAt.getTime()}` },
  );
  await db.order.updateMany({
    where: { id: order.id, status: "pending_payment" },
    data: { stripeCheckoutSessionId: session.id, reservedUntil: expiresAt, paymentMethod: "card" },
  });
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}

/** A Checkout session that tops the USD balance up by `cents` once Stripe confirms the payment. */
export async function startTopUpCheckout(client: Stripe, userId: string, cents: number): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const origin = env().APP_URL;
  const session = await client.checkout.sessions.create({
    mode: "payment",
    customer_email: user.email,
    client_reference_id: userId,
    metadata: { kind: "top_up", userId, cents: String(cents) },
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: cents, product_data: { name: "Hashwork balance top-up" } } }],
    success_url: `${origin}/dashboard/wallet?topup=1`,
    cancel_url: `${origin}/dashboard/wallet`,
  });
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}
