// Stripe's events, verified and handled once. The event id is recorded in the same database
// transaction as its effects, so a replay does nothing; a failure answers 500 so Stripe retries.
import "server-only";
import Stripe from "stripe";
import { recordAudit } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { customerUsd, postTransaction } from "@/lib/ledger/ledger";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { releaseTh, reserveTh } from "@/lib/orders/inventory";

type Tx = Prisma.TransactionClient;
export type WebhookResult = { status: number; body: string };

const HANDLERS: Partial<Record<Stripe.Event.Type, (tx: Tx, event: Stripe.Event) => Promise<void>>> = {
  "checkout.session.completed": (tx, event) => sessionCompleted(tx, event.data.object as Stripe.Checkout.Session),
  "checkout.session.expired": (tx, event) => sessionExpired(tx, event.data.object as Stripe.Checkout.Session),
};

export async function handleStripeWebhook(rawBody: string, signature: string | null, secret: string): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    return { status: 400, body: "Invalid signature" };
  }
  const handler = HANDLERS[event.type];
  if (!handler) return { status: 200, body: "Ignored" };
  try {
    await db.$transaction(async (tx) => {
      await tx.processedStripeEvent.create({ data: { id: event.id, type: event.type } });
      await handler(tx, event);
    });
    return { status: 200, body: "OK" };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: 200, body: "Already processed" };
    console.error(`[stripe] handling ${event.type} ${event.id} failed:`, error instanceof Error ? error.message : error);
    return { status: 500, body: "Handling failed; Stripe will retry" };
  }
}

async function mismatch(tx: Tx, session: Stripe.Checkout.Session, reason: string) {
  console.warn(`[stripe] session ${session.id} not fulfilled: ${reason}`);
  await recordAudit({ actorId: null, action: "stripe.mismatch", targetType: "stripe_session", targetId: session.id, details: { reason } }, { ip: null, userAgent: "stripe" }, tx);
}

async function sessionCompleted(tx: Tx, session: Stripe.Checkout.Session) {
  if (session.payment_status !== "paid") return; // delayed methods confirm later
  const amount = BigInt(session.amount_total ?? -1);
  if (session.metadata?.kind === "top_up") {
    const userId = session.metadata.userId;
    if (!userId || session.currency !== "usd" || String(amount) !== session.metadata.cents) return mismatch(tx, session, "top-up amount or user does not match");
    await postTransaction(tx, {
      kind: "top_up",
      description: "Card top-up",
      idempotencyKey: `stripe-session:${session.id}`,
      postings: [
        { account: { kind: "stripe_clearing", currency: "USD" }, amount: -amount },
        { account: customerUsd(userId), amount },
      ],
    });
    return;
  }

  const orderId = session.metadata?.orderId;
  const order = orderId && orderId === session.client_reference_id ? await tx.order.findUnique({ where: { id: orderId } }) : null;
  if (!order) return mismatch(tx, session, "no order matches the session");
  if (session.currency !== "usd" || amount !== BigInt(order.totalCents)) return mismatch(tx, session, `amount ${amount} does not match the order total ${order.totalCents}`);
  if (order.status === "paid") return;

  const now = new Date();
  let reserved = order.status === "pending_payment";
  if (!reserved) {
    // Paid after the reservation ended (e.g. "expired" arrived first): take the TH again if any are left.
    reserved = await reserveTh(tx, order.productId, order.th, { onSaleOnly: false });
  }
  if (!reserved) {
    // Nothing left to sell: the money goes to the customer's balance, to spend or withdraw.
    await postTransaction(tx, {
      kind: "refund",
      description: `Card payment for order ${order.id.slice(0, 8)} credited: the hashrate sold out meanwhile`,
      orderId: order.id,
      idempotencyKey: `stripe-session:${session.id}`,
      postings: [
        { account: { kind: "stripe_clearing", currency: "USD" }, amount: -amount },
        { account: customerUsd(order.userId), amount },
      ],
    });
    await tx.order.update({ where: { id: order.id }, data: { status: "refunded" } });
    return;
  }
  await fulfilOrder(tx, order, { via: "card", stripeCheckoutSessionId: session.id }, now);
}

async function sessionExpired(tx: Tx, session: Stripe.Checkout.Session) {
  const orderId = session.metadata?.orderId;
  if (session.metadata?.kind !== "order" || !orderId) return;
  const expired = await tx.order.updateMany({ where: { id: orderId, status: "pending_payment", stripeCheckoutSessionId: session.id }, data: { status: "expired" } });
  if (expired.count === 1) {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { productId: true, th: true } });
    await releaseTh(tx, order.productId, order.th);
  }
}
