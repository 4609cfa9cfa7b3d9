// PostgreSQL restarts under load. While it is down, requests fail cleanly — a 503 with a retry
// message, never a 500 or an error page — and when it is back the app serves again by itself,
// without a restart. The webhook deliveries refused during the outage are delivered again (as
// Stripe does) and every payment lands exactly once. The drill runs its own PostgreSQL server,
// so stopping it disturbs nothing else.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { findChromium } from "@/scripts/lib/chromium";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/scripts/lib/postgres";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { recordDrill, startWeb, type AppProcess } from "./support/processes";

const SECRET = "whsec_reliability_database_restart";
const RETRY_MESSAGE = "The service is briefly unavailable. Please try again in a few seconds.";
const dataRoot = mkdtempSync(path.join(os.tmpdir(), "hashwork-db-restart-"));
let postgres: EmbeddedServer;
let port: number;
let url: string;
let db: Db;
let web: AppProcess;

const quiet = () => {};
beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg"), port, log: quiet });
  await postgres.createDatabase("drill");
  url = postgres.urlFor("drill");
  await migrate(url);
  db = createPrismaClient(url);
  await seed(db, { demoAccounts: false });
  web = await startWeb("web-db-restart", url, { STRIPE_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await web?.stop();
  await db?.$disconnect();
  await postgres?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

type Outcome = { phase: "before" | "down" | "after"; kind: string; status: number; body: string; at: number };

test("requests fail with a clean 503 while PostgreSQL is down, and the app recovers by itself", async () => {
  const startedAt = Date.now();
  const customer = await createUser(db);
  // A signed-in customer: every dashboard request reads the session and the customer's data.
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ["--no-sandbox", "--headless"],
  });
  const context = await browser.newContext({ baseURL: web.url });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  console.log("database restart: signed in");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();

  let phase: Outcome["phase"] = "before";
  const outcomes: Outcome[] = [];
  let events = 0;
  const refused: string[] = [];
  const webhook = async (payload: string) =>
    fetch(`${web.url}/api/stripe/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
      body: payload,
      signal: AbortSignal.timeout(30_000),
    });
  const topUp = (n: number) =>
    JSON.stringify({
      id: `evt_restart_${n}`,
      object: "event",
      type: "checkout.session.completed",
      data: {
        object: {
          id: `cs_restart_${n}`,
          object: "checkout.session",
          payment_status: "paid",
          amount_total: 100,
          currency: "usd",
          metadata: { kind: "top_up", userId: customer.id, cents: "100" },
        },
      },
    });

  // A request with no answer within 30 s is recorded as such (and fails the drill).
  const hung = () => new Response("no answer within 30 s", { status: 599 });
  let running = true;
  const loops = Array.from({ length: 6 }, async (_, loop) => {
    for (let i = 0; running; i++) {
      const kind = ["orders", "wallet", "webhook"][(loop + i) % 3]!;
      const at = Date.now();
      const sentIn = phase;
      let response: Response;
      let payload = "";
      if (kind === "webhook") {
        payload = topUp(events++);
        response = await webhook(payload).catch(hung);
      } else {
        response = await fetch(`${web.url}/dashboard/${kind}`, {
          headers: { cookie },
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        }).catch(hung);
      }
      const body = await response.text();
      outcomes.push({ phase: sentIn, kind, status: response.status, body: response.status === 200 ? "" : body, at });
      if (kind === "webhook" && response.status !== 200) refused.push(payload);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  // Load first: a dozen answered requests before the fault.
  while (outcomes.filter((outcome) => outcome.status === 200).length < 12) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`database restart: ${outcomes.length} requests before the fault`);
  phase = "down";
  await postgres.stop();
  const downAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg"), port, log: quiet });
  const upAt = Date.now();
  console.log(`database restart: back after ${upAt - downAt} ms, ${outcomes.length} requests so far`);
  phase = "after";
  // Recovered once dashboards and webhooks answer 200 again; then keep going for a while.
  const recovered = async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const recent = outcomes.filter((outcome) => outcome.at > Date.now() - 1_500 && outcome.phase === "after");
      if (recent.length >= 6 && recent.every((outcome) => outcome.status === 200)) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`not recovered: ${JSON.stringify(outcomes.slice(-10))}`);
  };
  const recoveredAt = await recovered();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  running = false;
  await Promise.all(loops);

  // Never a 500, never a redirect to sign-in (the session survived), every failure a clean 503.
  const failures = outcomes.filter((outcome) => outcome.status !== 200);
  expect(failures.length).toBeGreaterThan(0);
  for (const failure of failures) {
    expect(failure.status, JSON.stringify(failure)).toBe(503);
    expect(failure.body).toBe(RETRY_MESSAGE);
  }
  expect(outcomes.filter((outcome) => outcome.phase === "before").every((outcome) => outcome.status === 200)).toBe(
    true,
  );
  expect(web.child.exitCode).toBeNull();
  const ready = await fetch(`${web.url}/api/ready`);
  expect(ready.status).toBe(200);

  // Stripe retries what was refused; every payment then lands once.
  for (const payload of refused) expect((await webhook(payload)).status).toBe(200);
  const topUps = await db.ledgerTransaction.count({ where: { kind: "top_up" } });
  const lost = events - topUps;
  expect(lost).toBe(0);
  recordDrill(
    { drill: "database restart", requests: outcomes.length + refused.length, faults: 1, dataLost: lost },
    startedAt,
  );
  console.log(
    `database restart: down ${upAt - downAt} ms, recovered ${recoveredAt - upAt} ms after it came back, ` +
      `${failures.length} of ${outcomes.length} requests answered 503`,
  );
}, 240_000);
