// SIGTERM to a web instance that runs jobs (JOBS=on), while a request and a job are both in
// flight: it stops accepting connections at once, lets the request finish and the job complete,
// then exits on its own. The request and the job are slowed down the way real ones are — by a
// row lock the test holds in PostgreSQL — so nothing in the app exists only for this test.
import Stripe from "stripe";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createUser } from "../support/factories";
import type { TestDatabase } from "../support/test-database";
import { recordDrill, reservedOrder, seededDatabase, startWeb, type AppProcess } from "./support/processes";

const WEBHOOK_SECRET = "whsec_reliability_graceful_shutdown";
let database: TestDatabase;
let web: AppProcess | undefined;

beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  web?.kill("SIGKILL");
  await database?.drop();
});

async function waitForLockWait(client: pg.Client, pattern: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [pattern],
    );
    if (rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const activity = await client.query(
    `SELECT state, wait_event_type, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const jobs = await client
    .query(`SELECT name, state FROM pgboss.job`)
    .catch((error: Error) => ({ rows: error.message }));
  throw new Error(
    `no query matching ${pattern} waited on a lock within ${timeoutMs} ms; the instance said:\n${web?.output().slice(-4000)}\n` +
      `activity: ${JSON.stringify(activity.rows)}\njobs: ${JSON.stringify(jobs.rows)}`,
  );
}

test("SIGTERM lets a request in flight and a running job finish, then exits", async () => {
  const startedAt = Date.now();
  const db = createPrismaClient(database.url);
  const customer = await createUser(db);
  const orderId = await reservedOrder(db, {
    userId: customer.id,
    slug: "antminer-s19-pro-20-days",
    th: 10,
    reservedUntil: new Date(Date.now() - 60_000),
  });
  const soldBefore = (await db.product.findUniqueOrThrow({ where: { slug: "antminer-s19-pro-20-days" } })).soldTh;

  // The test's transaction: holds the expired order (the expiry job waits for it) and an
  // uncommitted Stripe event id (a delivery of that event waits to see whether it commits).
  const blocker = new pg.Client({ connectionString: database.url });
  const observer = new pg.Client({ connectionString: database.url });
  for (const client of [blocker, observer]) client.on("error", () => {}); // the database is dropped at the end
  await Promise.all([blocker.connect(), observer.connect()]);
  await blocker.query("BEGIN");
  await blocker.query(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, [orderId]);
  await blocker.query(
    `INSERT INTO "ProcessedStripeEvent" (id, type) VALUES ('evt_slow_delivery', 'checkout.session.expired')`,
  );

  web = await startWeb("web-graceful", database.url, {
    JOBS: "on",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    SHUTDOWN_TIMEOUT_SECONDS: "20",
  });
  // The expiry job (run at start, then every minute) is now waiting on the order's lock.
  await waitForLockWait(observer, '%UPDATE "Order"%');

  const payload = JSON.stringify({
    id: "evt_slow_delivery",
    object: "event",
    type: "checkout.session.expired",
    data: { object: { id: "cs_test_slow", object: "checkout.session", metadata: {} } },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const delivery = fetch(`${web.url}/api/stripe/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
  await waitForLockWait(observer, "%ProcessedStripeEvent%");

  web.kill("SIGTERM");
  // New connections are refused at once…
  await expect
    .poll(async () =>
      fetch(`${web!.url}/api/health`).then(
        () => "accepted",
        () => "refused",
      ),
    )
    .toBe("refused");
  // …but the process waits for what it started.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(web.child.exitCode).toBeNull();

  await blocker.query("ROLLBACK");
  const response = await delivery;
  expect(response.status).toBe(200);
  expect(await response.text()).toBe("OK");
  expect(await web.exited).toBe(0);

  // The job finished before the exit: the order expired, its TH went back, pg-boss marked it done.
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  expect(order.status).toBe("expired");
  const product = await db.product.findUniqueOrThrow({ where: { slug: "antminer-s19-pro-20-days" } });
  expect(product.soldTh).toBe(soldBefore - 10);
  const { rows } = await observer.query<{ state: string }>(
    `SELECT state FROM pgboss.job WHERE name = 'expire-reservations' ORDER BY created_on`,
  );
  expect(rows.map((row) => row.state)).toContain("completed");
  expect(rows.map((row) => row.state)).not.toContain("active");
  const lines = web.logs();
  expect(lines.some((line) => line.msg === "job finished" && line.job === "expire-reservations")).toBe(true);
  expect(lines.some((line) => line.msg === "stopped")).toBe(true);
  expect(await observer.query(`SELECT 1 FROM "ProcessedStripeEvent" WHERE id = 'evt_slow_delivery'`)).toMatchObject({
    rowCount: 1,
  });

  await Promise.all([blocker.end(), observer.end()]);
  await db.$disconnect();
  recordDrill({ drill: "graceful shutdown", requests: 2, faults: 1, dataLost: 0 }, startedAt);
});
