// A storm of Stripe webhooks: 1,000 signed deliveries through a load balancer to two app
// instances, 25 at a time, in random order, 30 % of them redeliveries of an event already sent
// (same id and payload, signed again as Stripe signs each attempt). The events tell every story a
// Checkout session can: paid; paid and also expired (in either order); paid later by a bank debit
// ("completed" unpaid, then "async_payment_succeeded"); expired; failed; a balance top-up; and
// event types the app does not handle. Whatever the order and however often each arrives, every
// effect happens exactly once: one contract and one payment per paid order, each top-up credited
// once, TH given back once per unpaid order, and a ledger whose transactions all sum to zero.
import { randomInt } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createProduct, createUser } from "../support/factories";
import type { TestDatabase } from "../support/test-database";
import {
  recordDrill,
  reservedOrder,
  roundRobinProxy,
  seededDatabase,
  startWeb,
  type AppProcess,
  type Proxy,
} from "./support/processes";

const SECRET = "whsec_drill_webhook_storm_secret";
const DELIVERIES = 1_000;
const DUPLICATE_SHARE = 0.3;
const CONCURRENCY = 25;
const TH = 10;
const ORDER_CENTS = 105 * TH; // what reservedOrder charges
const TOP_UP_CENTS = 2_500;
const signer = new Stripe("sk_test_unused");

let database: TestDatabase;
let db: Db;
let web: AppProcess[] = [];
let proxy: Proxy | undefined;

beforeAll(async () => {
  database = await seededDatabase();
  db = createPrismaClient(database.url);
  web = await Promise.all(
    ["web-storm-a", "web-storm-b"].map((name) => startWeb(name, database.url, { STRIPE_WEBHOOK_SECRET: SECRET })),
  );
  proxy = await roundRobinProxy(() => web.map((instance) => instance.url));
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all(web.map((instance) => instance.stop()));
  await db?.$disconnect();
  await database?.drop();
});

type Story = "paid" | "paid-and-expired" | "bank-debit" | "expired" | "failed" | "top-up" | "ignored";
type StripeEvent = { id: string; type: string; object: Record<string, unknown> };

const STORIES: { story: Story; count: number }[] = [
  { story: "paid", count: 250 }, // 250 events
  { story: "paid-and-expired", count: 100 }, // 200
  { story: "bank-debit", count: 50 }, // 100
  { story: "expired", count: 50 }, // 50
  { story: "failed", count: 25 }, // 25
  { story: "top-up", count: 50 }, // 50
  { story: "ignored", count: 25 }, // 25: 700 distinct events in all
];

let eventCounter = 0;
const event = (type: string, object: Record<string, unknown>): StripeEvent => ({
  id: `evt_storm_${++eventCounter}_${randomInt(1e9)}`,
  type,
  object,
});

function checkoutSession(id: string, orderId: string, paymentStatus: "paid" | "unpaid") {
  return {
    id,
    object: "checkout.session",
    client_reference_id: orderId,
    metadata: { kind: "order", orderId },
    amount_total: ORDER_CENTS,
    currency: "usd",
    payment_status: paymentStatus,
  };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

test("1,000 signed webhooks, 30 % redelivered, shuffled, across two instances: every effect exactly once", async () => {
  const startedAt = Date.now();
  const product = await createProduct(db, { inventoryTh: 1_000_000, minOrderTh: TH });
  const reservedUntil = new Date(Date.now() + 30 * 60_000);

  // Each story's customers (one order each, well within the unverified customer's limits) and events.
  const expected: { orderId?: string; userId: string; story: Story; sessionId: string }[] = [];
  const events: StripeEvent[] = [];
  let n = 0;
  for (const { story, count } of STORIES) {
    const users = await Promise.all(Array.from({ length: count }, () => createUser(db)));
    for (const user of users) {
      const sessionId = `cs_storm_${++n}`;
      if (story === "ignored") {
        events.push(event("payment_intent.created", { id: `pi_storm_${n}`, object: "payment_intent" }));
        expected.push({ userId: user.id, story, sessionId });
        continue;
      }
      if (story === "top-up") {
        events.push(
          event("checkout.session.completed", {
            id: sessionId,
            object: "checkout.session",
            metadata: { kind: "top_up", userId: user.id, cents: String(TOP_UP_CENTS) },
            amount_total: TOP_UP_CENTS,
            currency: "usd",
            payment_status: "paid",
          }),
        );
        expected.push({ userId: user.id, story, sessionId });
        continue;
      }
      const orderId = await reservedOrder(db, {
        userId: user.id,
        slug: product.slug,
        th: TH,
        reservedUntil,
        stripeCheckoutSessionId: sessionId,
      });
      expected.push({ orderId, userId: user.id, story, sessionId });
      const paid = checkoutSession(sessionId, orderId, "paid");
      const unpaid = checkoutSession(sessionId, orderId, "unpaid");
      if (story === "paid") events.push(event("checkout.session.completed", paid));
      if (story === "paid-and-expired")
        events.push(event("checkout.session.completed", paid), event("checkout.session.expired", unpaid));
      if (story === "bank-debit")
        events.push(
          event("checkout.session.completed", unpaid),
          event("checkout.session.async_payment_succeeded", paid),
        );
      if (story === "expired") events.push(event("checkout.session.expired", unpaid));
      if (story === "failed") events.push(event("checkout.session.async_payment_failed", unpaid));
    }
  }
  const distinct = events.length;
  expect(distinct).toBe(700);
  const deliveries = shuffle([
    ...events,
    ...Array.from({ length: Math.round(DELIVERIES * DUPLICATE_SHARE) }, () => events[randomInt(distinct)]!),
  ]);
  expect(deliveries.length).toBe(DELIVERIES);
  const soldBefore = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh;

  // Deliver as Stripe does: each attempt signed afresh; a non-2xx answer is retried (and counted).
  const statuses = new Map<number, number>();
  let retries = 0;
  const deliver = async (stripeEvent: StripeEvent) => {
    const payload = JSON.stringify({
      id: stripeEvent.id,
      object: "event",
      type: stripeEvent.type,
      data: { object: stripeEvent.object },
    });
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${proxy!.url}/api/stripe/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
        },
        body: payload,
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.ok) return;
      if (attempt === 4) throw new Error(`${stripeEvent.type} ${stripeEvent.id}: still ${response.status}`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  };
  const queue = [...deliveries];
  const sendStarted = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await deliver(next);
    }),
  );
  const sendSeconds = (Date.now() - sendStarted) / 1000;
  const failures = web
    .flatMap((instance) => instance.logs())
    .filter((line) => line.msg === "stripe: handling an event failed");

  // Every effect, exactly once.
  const problems: string[] = [];
  const orders = await db.order.findMany({
    where: { productId: product.id },
    select: { id: true, status: true, notice: true, contract: { select: { id: true } } },
  });
  const orderById = new Map(orders.map((order) => [order.id, order]));
  const purchases = await db.ledgerTransaction.groupBy({
    by: ["orderId"],
    where: { kind: "purchase", orderId: { in: orders.map((order) => order.id) } },
    _count: true,
  });
  const purchasesOf = new Map(purchases.map((row) => [row.orderId, row._count]));
  for (const { orderId, story, userId, sessionId } of expected) {
    if (story === "ignored") continue;
    if (story === "top-up") {
      const credits = await db.ledgerTransaction.count({
        where: { kind: "top_up", idempotencyKey: `stripe-session:${sessionId}` },
      });
      const [row] = await db.$queryRaw<{ balance: bigint }[]>`
        SELECT COALESCE(SUM(e.amount), 0)::bigint AS balance FROM "LedgerEntry" e
        JOIN "LedgerAccount" a ON a.id = e."accountId"
        WHERE a."userId" = ${userId}::uuid AND a.kind = 'customer_cash' AND a.currency = 'USD'`;
      if (credits !== 1 || row!.balance !== BigInt(TOP_UP_CENTS))
        problems.push(`top-up ${sessionId}: ${credits} credit(s), balance ${row!.balance}`);
      continue;
    }
    const order = orderById.get(orderId!)!;
    const shouldPay = story === "paid" || story === "paid-and-expired" || story === "bank-debit";
    const want = shouldPay
      ? { status: "paid", contracts: 1, purchases: 1 }
      : { status: "expired", contracts: 0, purchases: 0 };
    const got = { status: order.status, contracts: order.contract ? 1 : 0, purchases: purchasesOf.get(order.id) ?? 0 };
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${story} order ${orderId}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    if (story === "failed" && !order.notice) problems.push(`failed order ${orderId}: no notice for the customer`);
  }
  // Paid orders keep their TH; unpaid ones gave theirs back once.
  const paidOrders = orders.filter((order) => order.status === "paid").length;
  const soldAfter = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh;
  const released = expected.filter((row) => row.story === "expired" || row.story === "failed").length;
  if (soldAfter !== soldBefore - released * TH)
    problems.push(`sold ${soldAfter} TH, expected ${soldBefore - released * TH} (${paidOrders} orders paid)`);
  // No card payment went to a balance instead, and the ledger balances.
  const refunds = await db.ledgerTransaction.count({ where: { kind: "refund" } });
  if (refunds) problems.push(`${refunds} payment(s) credited to a balance instead of paying their order`);
  const unbalanced = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t.id
    JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY t.id, a.currency HAVING SUM(e.amount) <> 0`;
  if (unbalanced.length) problems.push(`${unbalanced.length} unbalanced transaction(s)`);
  // Each handled event recorded once: all but the ignored types and the "completed, unpaid" ones.
  const handled = events.filter(
    (stripeEvent) =>
      stripeEvent.type !== "payment_intent.created" &&
      !(stripeEvent.type === "checkout.session.completed" && stripeEvent.object.payment_status === "unpaid"),
  ).length;
  const recorded = await db.processedStripeEvent.count({ where: { id: { startsWith: "evt_storm_" } } });
  if (recorded !== handled) problems.push(`${recorded} events recorded as handled, expected ${handled}`);

  expect(problems).toEqual([]);
  expect(paidOrders).toBe(400);
  // Stripe would retry a failed delivery, but none should fail: an event racing another about the
  // same order waits for it rather than failing.
  expect(failures.map((line) => line.err)).toEqual([]);
  expect(retries).toBe(0);
  // Both instances took their share.
  expect(proxy!.counts.every((count) => count > DELIVERIES / 4)).toBe(true);
  console.log(
    `webhook storm: ${DELIVERIES} deliveries (${distinct} distinct events, ${DELIVERIES - distinct} redeliveries) in ` +
      `${sendSeconds.toFixed(1)} s, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${retries} retried; ` +
      `${paidOrders} orders paid once, ${released} released once, ${STORIES.find((row) => row.story === "top-up")!.count} top-ups credited once`,
  );
  recordDrill(
    {
      drill: "webhook storm",
      requests: DELIVERIES + retries,
      faults: DELIVERIES - distinct,
      dataLost: problems.length,
    },
    startedAt,
  );
}, 300_000);
