// Card payments: the Checkout session Stripe is asked for, and the webhook's handling of real
// signed events — replays, out-of-order delivery, bad signatures and mismatched amounts.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { creditBalance } from "@/lib/ledger/credit-balance";
import { accountHistory } from "@/lib/ledger/history";
import { balance, customerUsd } from "@/lib/ledger/ledger";
import { startCardCheckout } from "@/lib/payments/card-checkout";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";
import { payWithBalance } from "@/lib/orders/pay-with-balance";
import { placeOrder } from "@/lib/orders/place-order";
import { startFakeStripe, type FakeSession, type FakeStripe } from "../support/fake-stripe";
import { createProduct, createUser } from "../support/factories";

const SECRET = "whsec_test_secret_for_hashwork_webhooks";
const stripeForSigning = new Stripe("sk_test_unused");
let counter = 0;

function signedEvent(type: string, object: Record<string, unknown>) {
  const payload = JSON.stringify({ id: `evt_${Date.now()}_${++counter}`, object: "event", type, data: { object } });
  return { payload, signature: stripeForSigning.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
}

function session(orderId: string, amount: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `cs_test_${orderId.slice(0, 8)}`,
    object: "checkout.session",
    client_reference_id: orderId,
    metadata: { kind: "order", orderId },
    amount_total: amount,
    currency: "usd",
    payment_status: "paid",
    ...overrides,
  };
}

async function pendingCardOrder(th = 100, { withSession = true, balanceCents = 0n } = {}) {
  const product = await createProduct(db);
  const user = balanceCents > 0n ? await fundedCustomer(balanceCents) : await createUser(db);
  const { orderId } = await placeOrder({
    userId: user.id,
    slug: product.slug,
    th,
    paymentMethod: "card",
    idempotencyKey: `k-${Math.random()}`,
  });
  if (withSession)
    await db.order.update({
      where: { id: orderId },
      data: { stripeCheckoutSessionId: `cs_test_${orderId.slice(0, 8)}` },
    });
  return { product, user, orderId };
}

describe("the Stripe webhook", () => {
  it("fulfils once: the same completed event three times and an expired one out of order → one payment, one contract", async () => {
    const { orderId, product } = await pendingCardOrder();
    const completed = signedEvent("checkout.session.completed", session(orderId, 10_500));
    const expired = signedEvent("checkout.session.expired", session(orderId, 10_500, { payment_status: "unpaid" }));
    const results = [];
    results.push(await handleStripeWebhook(completed.payload, completed.signature, SECRET));
    results.push(await handleStripeWebhook(expired.payload, expired.signature, SECRET));
    results.push(await handleStripeWebhook(completed.payload, completed.signature, SECRET));
    results.push(await handleStripeWebhook(completed.payload, completed.signature, SECRET));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { contract: true } });
    expect(order.status).toBe("paid");
    expect(order.contract).not.toBeNull();
    expect(await db.contract.count({ where: { orderId } })).toBe(1);
    expect(await db.ledgerTransaction.count({ where: { orderId, kind: "purchase" } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(100); // expiry did not release paid TH
  });

  it("honours a payment whose expiry arrived first, taking the TH again", async () => {
    const { orderId, product } = await pendingCardOrder();
    const expired = signedEvent("checkout.session.expired", session(orderId, 10_500, { payment_status: "unpaid" }));
    await handleStripeWebhook(expired.payload, expired.signature, SECRET);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("expired");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(0);

    const completed = signedEvent("checkout.session.completed", session(orderId, 10_500));
    expect((await handleStripeWebhook(completed.payload, completed.signature, SECRET)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(100);
  });

  it("answers 400 to a bad signature and changes nothing", async () => {
    const { orderId } = await pendingCardOrder();
    const completed = signedEvent("checkout.session.completed", session(orderId, 10_500));
    const forged = completed.payload.replace("10500", "1");
    expect(await handleStripeWebhook(forged, completed.signature, SECRET)).toEqual({
      status: 400,
      body: "Invalid signature",
    });
    expect((await handleStripeWebhook(completed.payload, "t=1,v1=deadbeef", SECRET)).status).toBe(400);
    expect((await handleStripeWebhook(completed.payload, null, SECRET)).status).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");
  });

  it("does not fulfil when the amount or the order id does not match, and logs why", async () => {
    const { orderId } = await pendingCardOrder();
    const cheap = signedEvent("checkout.session.completed", session(orderId, 100));
    expect((await handleStripeWebhook(cheap.payload, cheap.signature, SECRET)).status).toBe(200);
    const otherOrder = signedEvent(
      "checkout.session.completed",
      session(orderId, 10_500, { client_reference_id: "00000000-0000-0000-0000-000000000000" }),
    );
    expect((await handleStripeWebhook(otherOrder.payload, otherOrder.signature, SECRET)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");
    const logged = await db.auditLog.findMany({
      where: { action: "stripe.mismatch", targetId: `cs_test_${orderId.slice(0, 8)}` },
    });
    expect(logged.map((entry) => (entry.details as { reason: string }).reason)).toEqual([
      "amount 100 does not match the order total 10500",
      "no order matches the session",
    ]);
  });

  it("answers 200 to events it does not handle", async () => {
    const other = signedEvent("customer.created", { id: "cus_1", object: "customer" });
    expect(await handleStripeWebhook(other.payload, other.signature, SECRET)).toEqual({ status: 200, body: "Ignored" });
  });

  it("credits a card top-up to the balance once", async () => {
    const user = await createUser(db);
    const topUp = signedEvent("checkout.session.completed", {
      id: `cs_test_topup_${user.id.slice(0, 8)}`,
      object: "checkout.session",
      client_reference_id: user.id,
      metadata: { kind: "top_up", userId: user.id, cents: "25000" },
      amount_total: 25_000,
      currency: "usd",
      payment_status: "paid",
    });
    await handleStripeWebhook(topUp.payload, topUp.signature, SECRET);
    await handleStripeWebhook(topUp.payload, topUp.signature, SECRET);
    // Another event about the same paid session (a different event id) credits nothing more.
    const again = signedEvent("checkout.session.async_payment_succeeded", JSON.parse(topUp.payload).data.object);
    expect((await handleStripeWebhook(again.payload, again.signature, SECRET)).status).toBe(200);
    expect(await balance(db, customerUsd(user.id))).toBe(25_000n);
  });
});

describe("creating a Checkout session", () => {
  type Captured = { path: string; headers: IncomingMessage["headers"]; body: URLSearchParams };
  const captured: Captured[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      captured.push({ path: req.url ?? "", headers: req.headers, body: new URLSearchParams(body) });
      res.writeHead(200, { "content-type": "application/json", "request-id": "req_local" });
      res.end(
        JSON.stringify({
          id: "cs_test_local",
          object: "checkout.session",
          url: "https://checkout.stripe.test/cs_test_local",
        }),
      );
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the database total, the order id and an idempotency key — to a local endpoint, no network", async () => {
    const { orderId, user } = await pendingCardOrder(40, { withSession: false });
    const client = new Stripe("sk_test_local", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
    const url = await startCardCheckout(client, orderId, user.id);
    expect(url).toBe("https://checkout.stripe.test/cs_test_local");
    const request = captured.at(-1)!;
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers["idempotency-key"]).toMatch(new RegExp(`^checkout-order-${orderId}-\\d+$`));
    expect(request.body.get("line_items[0][price_data][unit_amount]")).toBe("4200"); // 40 TH × $1.05 from the database
    expect(request.body.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(request.body.get("client_reference_id")).toBe(orderId);
    expect(request.body.get("metadata[orderId]")).toBe(orderId);
    expect(request.body.get("success_url")).toMatch(/^http.*\/dashboard\/orders\?card=/);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId).toBe(
      "cs_test_local",
    );

    const stranger = await createUser(db);
    await expect(startCardCheckout(client, orderId, stranger.id)).rejects.toThrow(/does not exist/);
  });
});

const request = { ip: "192.0.2.30", userAgent: "vitest" };
const key = () => `k-${Math.random().toString(36).slice(2)}`;
const deliver = (event: { payload: string; signature: string }) =>
  handleStripeWebhook(event.payload, event.signature, SECRET);
const paid = (session: FakeSession) => ({ ...session, status: "complete", payment_status: "paid" });
const soldTh = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId } })).soldTh;
const sessionsOf = (stripe: FakeStripe, orderId: string) =>
  [...stripe.sessions.values()].filter((session) => session.client_reference_id === orderId);

async function fundedCustomer(cents: bigint) {
  const [user, admin] = [await createUser(db), await createUser(db, { role: "admin" })];
  if (cents > 0n) await creditBalance(admin, user.id, cents, "Wire for tests", request);
  return user;
}

describe("the $1,000 identity limit on card payments", () => {
  // 857 TH × $1.05 = $899.85: one fits under the limit, two do not.
  const TH = 857;
  const TOTAL = 89_985;

  it("three $900 card orders placed at once: unpaid reservations count, so one is placed and two refused", async () => {
    const product = await createProduct(db, { inventoryTh: 5_000 });
    const user = await createUser(db);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        placeOrder({ userId: user.id, slug: product.slug, th: TH, paymentMethod: "card", idempotencyKey: key() }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected")
        expect(String(result.reason)).toMatch(/above \$1,000\.00 in total need a verified identity/);
    expect(await soldTh(product.id)).toBe(TH);
  });

  it("three $900 card orders, three signed completed events at once → one paid, two credited to the balance with the reason; nothing lost", async () => {
    const product = await createProduct(db, { inventoryTh: 5_000 });
    const user = await createUser(db);
    const orderIds: string[] = [];
    // Each placed after the previous reservation lapsed (the expiry job has not run), so each passed placement.
    for (const minutesAgo of [62, 31, 0]) {
      const { orderId } = await placeOrder(
        { userId: user.id, slug: product.slug, th: TH, paymentMethod: "card", idempotencyKey: key() },
        new Date(Date.now() - minutesAgo * 60_000),
      );
      orderIds.push(orderId);
    }
    const results = await Promise.all(
      orderIds.map((orderId) => deliver(signedEvent("checkout.session.completed", session(orderId, TOTAL)))),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);

    const orders = await db.order.findMany({ where: { userId: user.id } });
    expect(orders.filter((order) => order.status === "paid")).toHaveLength(1);
    const credited = orders.filter((order) => order.status === "refunded");
    expect(credited).toHaveLength(2);
    for (const order of credited) expect(order.notice).toMatch(/credited to your balance.*verified identity/);
    expect(await db.contract.count({ where: { userId: user.id } })).toBe(1);
    expect(await soldTh(product.id)).toBe(TH);

    // Nothing lost: all three card payments are either the paid order's revenue or the customer's balance.
    expect(await balance(db, customerUsd(user.id))).toBe(2n * BigInt(TOTAL));
    const fromStripe = await db.ledgerEntry.aggregate({
      where: { account: { key: "platform:stripe_clearing:USD" }, transaction: { orderId: { in: orderIds } } },
      _sum: { amount: true },
    });
    expect(fromStripe._sum.amount).toBe(-3n * BigInt(TOTAL));
    const history = (await accountHistory(customerUsd(user.id))).items;
    expect(history.filter((line) => /verified identity/.test(line.description))).toHaveLength(2);
    expect(await db.auditLog.count({ where: { action: "payment.credited", targetId: { in: orderIds } } })).toBe(2);
  });
});

// One local Stripe API for the card-checkout tests below (sessions are told apart by order).
let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe();
});
afterAll(() => stripe.close());

describe("one payment per order", () => {
  it("card, card again, balance, then the first session's completed event → one contract, the second payment on the balance, audited", async () => {
    const { user, orderId } = await pendingCardOrder(100, { withSession: false, balanceCents: 50_000n });

    const first = await startCardCheckout(stripe.client, orderId, user.id);
    const again = await startCardCheckout(stripe.client, orderId, user.id);
    expect(again).toBe(first); // the open session is reused, not a second one made
    expect(sessionsOf(stripe, orderId)).toHaveLength(1);
    const [cardSession] = sessionsOf(stripe, orderId);

    await payWithBalance(orderId, user.id, new Date(), stripe.client);
    expect(cardSession!.status).toBe("expired"); // closed through the API before the balance was charged
    expect(await balance(db, customerUsd(user.id))).toBe(50_000n - 10_500n);

    // Stripe's completed event for that session arrives anyway (it was paid in the same instant).
    const late = signedEvent("checkout.session.completed", paid(cardSession!));
    expect((await deliver(late)).status).toBe(200);
    expect((await deliver(late)).status).toBe(200); // a replay changes nothing
    expect(await db.contract.count({ where: { orderId } })).toBe(1);
    expect(await balance(db, customerUsd(user.id))).toBe(50_000n);
    const [latest] = (await accountHistory(customerUsd(user.id))).items;
    expect(latest).toMatchObject({ amount: 10_500n });
    expect(latest!.description).toMatch(/second payment.*already paid/i);
    expect(await db.auditLog.count({ where: { action: "payment.credited", targetId: orderId } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).notice).toMatch(/credited to your balance/);
    expect(
      await db.outboxEmail.count({
        where: { to: user.email, subject: { contains: "credited to your Hashwork balance" } },
      }),
    ).toBe(1);
  });

  it("refuses the balance while a card payment is being confirmed, and opens a new session only once the old one expired", async () => {
    const { user, orderId } = await pendingCardOrder(100, { withSession: false, balanceCents: 50_000n });
    await startCardCheckout(stripe.client, orderId, user.id);
    const [cardSession] = sessionsOf(stripe, orderId);

    cardSession!.status = "complete"; // paid with a delayed method: Stripe has not confirmed it yet
    await expect(payWithBalance(orderId, user.id, new Date(), stripe.client)).rejects.toThrow(
      /card payment for this order is being confirmed/,
    );
    await expect(startCardCheckout(stripe.client, orderId, user.id)).rejects.toThrow(
      /card payment for this order is being confirmed/,
    );
    expect(await balance(db, customerUsd(user.id))).toBe(50_000n);

    cardSession!.status = "expired";
    const next = await startCardCheckout(stripe.client, orderId, user.id);
    expect(next).not.toContain(cardSession!.id);
    const keys = stripe.creates
      .filter((call) => call.body.get("client_reference_id") === orderId)
      .map((call) => call.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId).toBe(
      sessionsOf(stripe, orderId)[1]!.id,
    );
  });

  it("never moves the reservation: card checkout again and again keeps reservedUntil at placement + 30 minutes", async () => {
    const product = await createProduct(db);
    const user = await createUser(db);
    const placedAt = new Date();
    const { orderId } = await placeOrder(
      { userId: user.id, slug: product.slug, th: 10, paymentMethod: "card", idempotencyKey: key() },
      placedAt,
    );
    const deadline = placedAt.getTime() + 30 * 60_000;
    for (const minutes of [0, 10, 20, 29]) {
      await startCardCheckout(stripe.client, orderId, user.id, new Date(placedAt.getTime() + minutes * 60_000));
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).reservedUntil.getTime()).toBe(deadline);
      for (const open of sessionsOf(stripe, orderId)) open.status = "expired"; // the customer left; Stripe closed it
    }
    await expect(startCardCheckout(stripe.client, orderId, user.id, new Date(deadline))).rejects.toThrow(
      /can no longer be paid/,
    );
  });

  it("rate-limits card checkout per account", async () => {
    const { user, orderId } = await pendingCardOrder(10, { withSession: false });
    for (let attempt = 0; attempt < 10; attempt++) await startCardCheckout(stripe.client, orderId, user.id);
    await expect(startCardCheckout(stripe.client, orderId, user.id)).rejects.toThrow(/Too many attempts/);
  });
});

describe("restricted accounts", () => {
  it("cannot pay from the balance or open card checkout; a card payment that still arrives is credited, audited, and the TH released", async () => {
    const { product, user, orderId } = await pendingCardOrder(100, { withSession: false, balanceCents: 50_000n });
    await startCardCheckout(stripe.client, orderId, user.id);
    const [cardSession] = sessionsOf(stripe, orderId);
    await db.user.update({ where: { id: user.id }, data: { status: "restricted" } });

    await expect(payWithBalance(orderId, user.id, new Date(), stripe.client)).rejects.toThrow(
      /This account cannot pay right now/,
    );
    await expect(startCardCheckout(stripe.client, orderId, user.id)).rejects.toThrow(
      /This account cannot pay right now/,
    );
    expect(await balance(db, customerUsd(user.id))).toBe(50_000n);

    expect((await deliver(signedEvent("checkout.session.completed", paid(cardSession!)))).status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("refunded");
    expect(order.notice).toMatch(/credited to your balance/);
    expect(await balance(db, customerUsd(user.id))).toBe(60_500n);
    expect(await soldTh(product.id)).toBe(0);
    expect(await db.contract.count({ where: { orderId } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "payment.credited", targetId: orderId } })).toBe(1);
  });
});

describe("delayed payments and failures", () => {
  it("a completed session still awaiting payment is not marked done; the async success then fulfils it", async () => {
    const { orderId } = await pendingCardOrder();
    const waiting = signedEvent("checkout.session.completed", session(orderId, 10_500, { payment_status: "unpaid" }));
    expect((await deliver(waiting)).status).toBe(200);
    const eventId = (JSON.parse(waiting.payload) as { id: string }).id;
    expect(await db.processedStripeEvent.count({ where: { id: eventId } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");

    expect(
      (await deliver(signedEvent("checkout.session.async_payment_succeeded", session(orderId, 10_500)))).status,
    ).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await db.contract.count({ where: { orderId } })).toBe(1);
  });

  it("a failed delayed payment ends the order and releases its TH", async () => {
    const { orderId, product } = await pendingCardOrder();
    const failed = signedEvent(
      "checkout.session.async_payment_failed",
      session(orderId, 10_500, { payment_status: "unpaid" }),
    );
    expect((await deliver(failed)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("expired");
    expect(await soldTh(product.id)).toBe(0);
  });

  it("answers 500 and records nothing on an unexpected database error (not a replay), so Stripe retries", async () => {
    const { orderId } = await pendingCardOrder();
    const other = await pendingCardOrder();
    const sessionId = `cs_test_${orderId.slice(0, 8)}`;
    // Damaged data: another order already carries this session id (a unique key other than the event's).
    await db.order.update({ where: { id: orderId }, data: { stripeCheckoutSessionId: null } });
    await db.order.update({ where: { id: other.orderId }, data: { stripeCheckoutSessionId: sessionId } });
    const completed = signedEvent("checkout.session.completed", session(orderId, 10_500));
    expect((await deliver(completed)).status).toBe(500);
    const eventId = (JSON.parse(completed.payload) as { id: string }).id;
    expect(await db.processedStripeEvent.count({ where: { id: eventId } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");

    await db.order.update({ where: { id: other.orderId }, data: { stripeCheckoutSessionId: null } });
    expect((await deliver(completed)).status).toBe(200); // Stripe's retry
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
  });
});
