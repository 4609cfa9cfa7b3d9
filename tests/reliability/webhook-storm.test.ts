// A storm of Stripe webhooks on two instances: 1,000 signed deliveries, shuffled, 30% of them
// duplicates (the same event delivered again, or a second event about a session already paid).
// Each payment takes effect exactly once: one ledger transaction per session, balances equal to
// what was paid, every delivery answered 200.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createUser } from "../support/factories";
import type { TestDatabase } from "../support/test-database";
import {
  recordDrill,
  roundRobinProxy,
  seededDatabase,
  startWeb,
  type AppProcess,
  type Proxy,
} from "./support/processes";

const SECRET = "whsec_reliability_webhook_storm";
const SESSIONS = 700;
const REPLAYS = 200; // the same event id again
const SECOND_EVENTS = 100; // async_payment_succeeded after completed, same session
let database: TestDatabase;
let db: Db;
let web: AppProcess[] = [];
let proxy: Proxy;

beforeAll(async () => {
  database = await seededDatabase();
  db = createPrismaClient(database.url);
  proxy = await roundRobinProxy(() => web.map((instance) => instance.url));
  web = await Promise.all(
    ["web-a", "web-b"].map((name) => startWeb(name, database.url, { STRIPE_WEBHOOK_SECRET: SECRET })),
  );
});
afterAll(async () => {
  await Promise.all(web.map((instance) => instance.stop()));
  await proxy?.close();
  await db?.$disconnect();
  await database?.drop();
});

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

test("1,000 signed deliveries, 30% duplicates, shuffled: every payment lands exactly once", async () => {
  const startedAt = Date.now();
  const customers = await Promise.all(Array.from({ length: 10 }, () => createUser(db)));
  const tag = randomBytes(4).toString("hex");
  const expected = new Map<string, bigint>();
  const event = (id: string, type: string, index: number) => {
    const userId = customers[index % customers.length]!.id;
    const cents = 100 + index;
    return JSON.stringify({
      id,
      object: "event",
      type,
      data: {
        object: {
          id: `cs_storm_${tag}_${index}`,
          object: "checkout.session",
          payment_status: "paid",
          amount_total: cents,
          currency: "usd",
          metadata: { kind: "top_up", userId, cents: String(cents) },
        },
      },
    });
  };
  const deliveries: string[] = [];
  for (let index = 0; index < SESSIONS; index++) {
    deliveries.push(event(`evt_storm_${tag}_${index}`, "checkout.session.completed", index));
    const userId = customers[index % customers.length]!.id;
    expected.set(userId, (expected.get(userId) ?? 0n) + BigInt(100 + index));
  }
  for (let n = 0; n < REPLAYS; n++) deliveries.push(deliveries[randomBytes(4).readUInt32BE() % SESSIONS]!);
  for (let index = 0; index < SECOND_EVENTS; index++) {
    deliveries.push(event(`evt_storm_${tag}_async_${index}`, "checkout.session.async_payment_succeeded", index));
  }
  expect(deliveries).toHaveLength(1_000);
  shuffle(deliveries);

  const sentAt = Date.now();
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < deliveries.length) {
        const payload = deliveries[next++]!;
        const response = await fetch(`${proxy.url}/api/stripe/webhook`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
          },
          body: payload,
        });
        await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  expect(Object.fromEntries(statuses)).toEqual({ 200: 1_000 });
  expect(proxy.counts[0]).toBeGreaterThan(0);
  expect(proxy.counts[1]).toBeGreaterThan(0);

  // One transaction per session, and each customer's balance is exactly what they paid.
  expect(await db.ledgerTransaction.count({ where: { kind: "top_up" } })).toBe(SESSIONS);
  expect(await db.processedStripeEvent.count()).toBe(SESSIONS + SECOND_EVENTS);
  let lost = 0;
  for (const customer of customers) {
    const [row] = await db.$queryRaw<{ balance: bigint }[]>`
      SELECT COALESCE(SUM(e.amount), 0)::bigint AS balance FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      WHERE a."userId" = ${customer.id}::uuid AND a.currency = 'USD' AND a.kind = 'customer_cash'`;
    if (row!.balance !== expected.get(customer.id)) lost++;
  }
  expect(lost).toBe(0);
  const unbalanced = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t.id
    JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY t.id, a.currency HAVING SUM(e.amount) <> 0`;
  expect(unbalanced).toEqual([]);
  console.log(`webhook storm: ${deliveries.length} deliveries in ${Date.now() - sentAt} ms`);
  recordDrill(
    { drill: "webhook storm", requests: deliveries.length, faults: REPLAYS + SECOND_EVENTS, dataLost: lost },
    startedAt,
  );
}, 540_000);
