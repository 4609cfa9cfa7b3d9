// Stripe's events, verified and handled once. The event id is recorded in the same database
// transaction as its effects, so a replay does nothing; any failure answers 500 so Stripe
// retries. Every card payment that cannot pay its order (already paid, the account restricted,
// the identity limit, sold out) goes to the customer's USD balance, audited, with the reason on
// the order and in the wallet history: money is never kept without something to show for it.
import "server-only";
import Stripe from "stripe";
import { recordAudit } from "@/lib/activity/record";
import { db } from "@/lib/db";
import type { Order, Prisma } from "@/lib/generated/prisma/client";
import { customerUsd, postTransaction } from "@/lib/ledger/ledger";
import { cardPaymentCreditedMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send-mail";
import { formatUsd } from "@/lib/money/format";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { releaseTh, reserveTh } from "@/lib/orders/inventory";
import { lockCustomerPayments, paymentRefusal } from "@/lib/orders/payment-guard";
import { errorFields, logger } from "@/lib/log/logger";

type Tx = Prisma.TransactionClient;
type Session = Stripe.Checkout.Session;
/** What to tell a customer by email once the transaction has committed. */
type Notices = { userId: string; notice: string }[];
export type WebhookResult = { status: number; body: string };

const HANDLERS: Partial<Record<Stripe.Event.Type, (tx: Tx, session: Session, notices: Notices) => Promise<void>>> = {
  "checkout.session.completed": sessionPaid,
  // Delayed methods (bank debits): "completed" comes first with payment_status "unpaid", then one of these.
  "checkout.session.async_payment_succeeded": sessionPaid,
  "checkout.session.async_payment_failed": (tx, session) =>
    sessionEnded(tx, session, "Your card payment did not go through; the reservation was released."),
  "checkout.session.expired": (tx, session) => sessionEnded(tx, session, null),
};

const STRIPE_REQUEST = { ip: null, userAgent: "stripe" };
const sessionKey = (sessionId: string) => `stripe-session:${sessionId}`;

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  secret: string,
): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    return { status: 400, body: "Invalid signature" };
  }
  const handler = HANDLERS[event.type];
  if (!handler) return { status: 200, body: "Ignored" };
  const session = event.data.object as Session;
  // Not recorded as handled: the payment is still on its way and its own event will follow.
  if (event.type === "checkout.session.completed" && session.payment_status !== "paid")
    return { status: 200, body: "Awaiting payment" };
  const notices: Notices = [];
  try {
    const handled = await db.$transaction(async (tx) => {
      // Only this key decides "already processed"; a concurrent delivery waits here for the first to commit.
      const inserted =
        await tx.$executeRaw`INSERT INTO "ProcessedStripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (inserted === 0) return false;
      await handler(tx, session, notices);
      return true;
    });
    await tellCustomers(notices);
    return handled ? { status: 200, body: "OK" } : { status: 200, body: "Already processed" };
  } catch (error) {
    logger.error(
      { eventType: event.type, eventId: event.id, ...errorFields(error) },
      "stripe: handling an event failed",
    );
    return { status: 500, body: "Handling failed; Stripe will retry" };
  }
}

async function mismatch(tx: Tx, session: Session, reason: string) {
  logger.warn({ sessionId: session.id, reason }, "stripe: session not fulfilled");
  await recordAudit(
    {
      actorId: null,
      action: "stripe.mismatch",
      targetType: "stripe_session",
      targetId: session.id,
      details: { reason },
    },
    STRIPE_REQUEST,
    tx,
  );
}

async function sessionPaid(tx: Tx, session: Session, notices: Notices) {
  if (session.payment_status !== "paid") return;
  // Another event about this session already moved its money.
  if (
    await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: sessionKey(session.id) }, select: { id: true } })
  )
    return;
  const amount = BigInt(session.amount_total ?? -1);
  if (session.metadata?.kind === "top_up") {
    const userId = session.metadata.userId;
    if (!userId || session.currency !== "usd" || String(amount) !== session.metadata.cents)
      return mismatch(tx, session, "top-up amount or user does not match");
    await postTransaction(tx, {
      kind: "top_up",
      description: "Card top-up",
      idempotencyKey: sessionKey(session.id),
      postings: [
        { account: { kind: "stripe_clearing", currency: "USD" }, amount: -amount },
        { account: customerUsd(userId), amount },
      ],
    });
    return;
  }

  const orderId = session.metadata?.orderId;
  const found =
    orderId && orderId === session.client_reference_id
      ? await tx.order.findUnique({ where: { id: orderId }, select: { userId: true } })
      : null;
  if (!found) return mismatch(tx, session, "no order matches the session");
  // The customer's payments are decided one at a time; read the order again under that lock and
  // its own: an "expired" event or the expiry job ending it meanwhile waits for this payment (and
  // then finds it paid) instead of failing it half-way.
  await lockCustomerPayments(tx, found.userId);
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId}::uuid FOR NO KEY UPDATE`;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId! } });
  if (session.currency !== "usd" || amount !== BigInt(order.totalCents))
    return mismatch(tx, session, `amount ${amount} does not match the order total ${order.totalCents}`);
  if (order.status === "paid") {
    if (order.paymentMethod === "card" && order.stripeCheckoutSessionId === session.id) return; // this session paid it
    return creditToBalance(tx, notices, order, session, amount, "second payment, the order was already paid");
  }

  const now = new Date();
  const refusal = await paymentRefusal(tx, order, now);
  if (refusal) return creditToBalance(tx, notices, order, session, amount, refusal.reason);
  let reserved = order.status === "pending_payment";
  if (!reserved) {
    // Paid after the reservation ended (e.g. "expired" arrived first): take the TH again if any are left.
    reserved = await reserveTh(tx, order.productId, order.th, { onSaleOnly: false });
  }
  if (!reserved)
    return creditToBalance(tx, notices, order, session, amount, "the hashrate sold out after the reservation ended");
  await fulfilOrder(tx, order, { via: "card", stripeCheckoutSessionId: session.id }, now);
}

/** The card payment goes to the customer's USD balance instead of the order, which gives back its TH. */
async function creditToBalance(
  tx: Tx,
  notices: Notices,
  order: Order,
  session: Session,
  amount: bigint,
  reason: string,
) {
  const transactionId = await postTransaction(tx, {
    kind: "refund",
    description: `Card payment for order ${order.id.slice(0, 8)} credited to your balance: ${reason}`,
    orderId: order.id,
    idempotencyKey: sessionKey(session.id),
    postings: [
      { account: { kind: "stripe_clearing", currency: "USD" }, amount: -amount },
      { account: customerUsd(order.userId), amount },
    ],
  });
  const notice = `Your card payment of ${formatUsd(amount)} was credited to your balance: ${reason}.`;
  if (order.status === "paid") {
    await tx.order.update({ where: { id: order.id }, data: { notice } });
  } else {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: order.status },
      data: { status: "refunded", notice },
    });
    if (count !== 1) throw new Error(`Order ${order.id} changed while its card payment was credited`);
    if (order.status === "pending_payment") await releaseTh(tx, order.productId, order.th);
  }
  await recordAudit(
    {
      actorId: null,
      action: "payment.credited",
      targetType: "order",
      targetId: order.id,
      details: { sessionId: session.id, cents: amount.toString(), reason, transactionId },
    },
    STRIPE_REQUEST,
    tx,
  );
  notices.push({ userId: order.userId, notice });
}

/** Best effort: the money is already on the balance and the reason on the order page. */
async function tellCustomers(notices: Notices) {
  for (const { userId, notice } of notices) {
    try {
      const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
      if (user) await sendMail(cardPaymentCreditedMail(user.email, notice));
    } catch (error) {
      logger.error(errorFields(error), "stripe: could not email the customer about a credited payment");
    }
  }
}

/** The session ended without payment: if it is still the order's, the order ends and gives its TH back. */
async function sessionEnded(tx: Tx, session: Session, notice: string | null) {
  const orderId = session.metadata?.orderId;
  if (session.metadata?.kind !== "order" || !orderId) return;
  const expired = await tx.order.updateMany({
    where: { id: orderId, status: "pending_payment", stripeCheckoutSessionId: session.id },
    data: { status: "expired", ...(notice ? { notice } : {}) },
  });
  if (expired.count === 1) {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { productId: true, th: true } });
    await releaseTh(tx, order.productId, order.th);
  }
}
