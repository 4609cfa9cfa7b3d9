// Card payment through Stripe Checkout. The session is created on the server with the order's
// total from the database, the order id as client_reference_id and metadata. An order has at
// most one open session: "Pay by card" again reuses it, and a new one is made only after the
// last one ended (its idempotency key counts the order's sessions, so a double click gets the
// same session). Fulfilment happens only in the webhook, never on the success page.
//
// The reservation is never extended for a card payment: it ends 30 minutes after placement.
// Stripe keeps a session open at least 30 minutes, so a session may outlive the reservation by
// up to half an hour; a payment made then is handled by the webhook like any late payment (the
// TH are taken again if still there, otherwise the money goes to the customer's balance).
import "server-only";
import Stripe from "stripe";
import { UserError } from "@/lib/errors";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ACCOUNT_CANNOT_PAY } from "@/lib/orders/payment-guard";
import { cardPaymentClient } from "./stripe";
import { errorFields, logger } from "@/lib/log/logger";

const MIN_SESSION_MS = 31 * 60_000; // Stripe wants a session to stay open at least 30 minutes
export const CARD_PAYMENT_IN_PROGRESS =
  "A card payment for this order is being confirmed; the order shows as paid as soon as the payment processor confirms it.";

export async function startCardCheckout(
  client: Stripe,
  orderId: string,
  userId: string,
  now = new Date(),
): Promise<string> {
  await consumeLimit("cardCheckoutPerAccount", userId);
  const order = await db.order.findFirst({
    where: { id: orderId, userId },
    include: { product: { select: { title: true } }, user: { select: { email: true, status: true } } },
  });
  if (!order) throw new UserError("That order does not exist.");
  if (order.user.status !== "active") throw new UserError(ACCOUNT_CANNOT_PAY);
  if (order.status !== "pending_payment" || order.reservedUntil <= now)
    throw new UserError("This order can no longer be paid. Place a new one.");

  if (order.stripeCheckoutSessionId) {
    const current = await client.checkout.sessions.retrieve(order.stripeCheckoutSessionId);
    if (current.status === "open" && current.url) return current.url;
    if (current.status === "complete") throw new UserError(CARD_PAYMENT_IN_PROGRESS);
  }

  const attempt = order.checkoutSessions + 1;
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
      expires_at: Math.floor((now.getTime() + MIN_SESSION_MS) / 1000),
      success_url: `${origin}/dashboard/orders?card=${order.id}`,
      cancel_url: `${origin}/dashboard/orders`,
    },
    { idempotencyKey: `checkout-order-${order.id}-${attempt}` },
  );
  // Recorded only if no other session was recorded meanwhile, so the order never has two.
  const { count } = await db.order.updateMany({
    where: { id: order.id, userId, status: "pending_payment", checkoutSessions: order.checkoutSessions },
    data: { stripeCheckoutSessionId: session.id, checkoutSessions: attempt, paymentMethod: "card" },
  });
  if (count !== 1) {
    const recorded = await db.order.findFirst({
      where: { id: order.id, userId },
      select: { stripeCheckoutSessionId: true },
    });
    if (recorded?.stripeCheckoutSessionId !== session.id) {
      await expireQuietly(client, session.id);
      throw new UserError("This order changed meanwhile. Reload the page.");
    }
  }
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}

/**
 * Makes sure a Checkout session can no longer take money before the order is paid another way:
 * an open session is expired through Stripe; one that was paid (or whose delayed payment is on
 * its way) refuses.
 */
export async function closeCheckoutSession(client: Stripe | null, sessionId: string): Promise<void> {
  if (!client)
    throw new UserError("A card payment was started for this order and cannot be checked right now. Try again later.");
  const session = await client.checkout.sessions.retrieve(sessionId);
  if (session.status === "expired") return;
  if (session.status === "open") {
    try {
      await client.checkout.sessions.expire(sessionId);
      return;
    } catch (error) {
      // Stripe refuses to expire a session that completed a moment ago: it is being paid.
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    }
  }
  throw new UserError(CARD_PAYMENT_IN_PROGRESS);
}

async function expireQuietly(client: Stripe, sessionId: string): Promise<void> {
  try {
    await client.checkout.sessions.expire(sessionId);
  } catch (error) {
    logger.warn({ sessionId, ...errorFields(error) }, "stripe: could not expire an unused session");
  }
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
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "usd", unit_amount: cents, product_data: { name: "Hashwork balance top-up" } },
      },
    ],
    success_url: `${origin}/dashboard/wallet?topup=1`,
    cancel_url: `${origin}/dashboard/wallet`,
  });
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}

export const CARD_PAYMENT_UNAVAILABLE = "Card payment is not available. Pay from your balance.";

/** The Checkout URL for paying a reserved order by card; refuses when card payment is off. */
export async function payOrderByCard(orderId: string, userId: string): Promise<string> {
  const client = cardPaymentClient();
  if (!client) throw new UserError(CARD_PAYMENT_UNAVAILABLE);
  return startCardCheckout(client, orderId, userId);
}

/** The Checkout URL for a card top-up of the balance; refuses when card payment is off. */
export async function topUpByCard(userId: string, cents: number): Promise<string> {
  const client = cardPaymentClient();
  if (!client) throw new UserError("Card top-ups are not available.");
  return startTopUpCheckout(client, userId, cents);
}
