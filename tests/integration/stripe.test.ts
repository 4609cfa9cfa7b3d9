// Card payments: the Checkout session Stripe is asked for, and the webhook's handling of real
// signed events — replays, out-of-order delivery, bad signatures and mismatched amounts.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { balance, customerUsd } from "@/lib/ledger/ledger";
import { startCardCheckout } from "@/lib/payments/card-checkout";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";
import { placeOrder } from "@/lib/orders/place-order";
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

async function pendingCardOrder(th = 100) {
  const product = await createProduct(db);
  const user = await createUser(db);
  const { orderId } = await placeOrder({ userId: user.id, slug: product.slug, th, paymentMethod: "card", idempotencyKey: `k-${Math.random()}` });
  await db.order.update({ where: { id: orderId }, data: { stripeCheckoutSessionId: `cs_test_${orderId.slice(0, 8)}` } });
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
    expect(await handleStripeWebhook(forged, completed.signature, SECRET)).toEqual({ status: 400, body: "Invalid signature" });
    expect((await handleStripeWebhook(completed.payload, "t=1,v1=deadbeef", SECRET)).status).toBe(400);
    expect((await handleStripeWebhook(completed.payload, null, SECRET)).status).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");
  });

  it("does not fulfil when the amount or the order id does not match, and logs why", async () => {
    const { orderId } = await pendingCardOrder();
    const cheap = signedEvent("checkout.session.completed", session(orderId, 100));
    expect((await handleStripeWebhook(cheap.payload, cheap.signature, SECRET)).status).toBe(200);
    const otherOrder = signedEvent("checkout.session.completed", session(orderId, 10_500, { client_reference_id: "00000000-0000-0000-0000-000000000000" }));
    expect((await handleStripeWebhook(otherOrder.payload, otherOrder.signature, SECRET)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");
    const logged = await db.auditLog.findMany({ where: { action: "stripe.mismatch", targetId: `cs_test_${orderId.slice(0, 8)}` } });
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
      id: `cs_test_topup_${user.id.slice(0, 8)}`, object: "checkout.session", client_reference_id: user.id,
      metadata: { kind: "top_up", userId: user.id, cents: "25000" }, amount_total: 25_000, currency: "usd", payment_status: "paid",
    });
    await handleStripeWebhook(topUp.payload, topUp.signature, SECRET);
    await handleStripeWebhook(topUp.payload, topUp.signature, SECRET);
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
      res.end(JSON.stringify({ id: "cs_test_local", object: "checkout.session", url: "https://checkout.stripe.test/cs_test_local" }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the database total, the order id and an idempotency key — to a local endpoint, no network", async () => {
    const { orderId, user } = await pendingCardOrder(40);
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
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId).toBe("cs_test_local");

    const stranger = await createUser(db);
    await expect(startCardCheckout(client, orderId, stranger.id)).rejects.toThrow(/does not exist/);
  });
});
