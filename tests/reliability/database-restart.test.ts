// The database restarts under load: a web instance and a worker run on a PostgreSQL server of the
// drill's own, customers keep browsing (storefront, dashboard, wallet, checkout) and a program
// reads the customer API, and
// the server is stopped for a few seconds and started again. While it is down every answer is
// either one that needs no database (the storefront's cached pages, static files) or a clean 503
// with Retry-After and a retry message: never a 500, never an error page with a stack, never a
// signed-in customer sent to sign in. Once it is back, the same processes serve again by
// themselves (no restart), the worker's jobs run again, and no row written before was lost.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { newApiKey } from "@/lib/api-keys/token";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { DATA_DIR } from "@/scripts/lib/app-database";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/scripts/lib/postgres";
import { RETRY_MESSAGE } from "@/server/http-server";
import {
  customerWithSession,
  recordDrill,
  reservedOrder,
  startWeb,
  startWorker,
  type AppProcess,
} from "./support/processes";

const PRODUCT = "antminer-s19-pro-20-days";
const CLIENTS = 6;
const OUTAGE_MS = 6_000;
const dataDir = path.join(DATA_DIR, `postgres-drill-${process.pid}`);
const log = () => {};
let port: number;
let server: EmbeddedServer | undefined;
let url: string;
let db: Db;
let web: AppProcess | undefined;
let worker: AppProcess | undefined;

beforeAll(async () => {
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port, log });
  await server.createDatabase("hashwork");
  url = server.urlFor("hashwork");
  await migrate(url);
  db = createPrismaClient(url);
  await seed(db, { demoAccounts: false });
});
afterAll(async () => {
  await Promise.all([web?.stop(), worker?.stop()]);
  await db?.$disconnect();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.owner`, { force: true });
});

type Answer = {
  phase: Phase;
  answeredIn: Phase;
  path: string;
  status: number;
  retryAfter: string | null;
  body: string;
};
type Phase = "before" | "down" | "back";

/** Row counts of what customers and the ledger hold: a restart must not lose any of them. */
async function counts() {
  const [users, sessions, orders, entries, transactions] = await Promise.all([
    db.user.count(),
    db.userSession.count(),
    db.order.count(),
    db.ledgerEntry.count(),
    db.ledgerTransaction.count(),
  ]);
  return { users, sessions, orders, entries, transactions };
}

test("PostgreSQL stops for a few seconds under load: clean 503s while it is down, service resumes by itself, nothing lost", async () => {
  const startedAt = Date.now();
  const customer = await customerWithSession(db, 50_000n);
  web = await startWeb("web-db-restart", url);
  worker = await startWorker("worker-db-restart", url);
  const before = await counts();

  const pages = [
    { path: "/", signedIn: false },
    { path: `/products/${PRODUCT}`, signedIn: false },
    { path: "/dashboard", signedIn: true },
    { path: "/dashboard/wallet", signedIn: true, browser: true }, // asks for HTML, as a browser does
    { path: `/checkout/${PRODUCT}`, signedIn: true },
  ];
  // The API's client, at a pace within its key's rate limit.
  const apiKey = newApiKey();
  await db.apiKey.create({
    data: {
      userId: customer.id,
      name: "drill",
      prefix: apiKey.prefix,
      secretHash: apiKey.secretHash,
      scopes: ["contracts:read"],
    },
  });
  const api = { path: "/api/v1/contracts", headers: { authorization: `Bearer ${apiKey.key}` }, pauseMs: 400 };
  const answers: Answer[] = [];
  let phase: Phase = "before";
  let running = true;
  const until = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const client = async (offset: number) => {
    for (let turn = offset; running; turn++) {
      const page = offset < 0 ? api : pages[turn % pages.length]!;
      if (offset < 0) await until(api.pauseMs);
      const headers: Record<string, string> =
        "headers" in page ? page.headers : page.signedIn ? { cookie: customer.cookie } : {};
      if ("browser" in page) headers.accept = "text/html,application/xhtml+xml,*/*;q=0.8";
      const asked = phase;
      // A request left unanswered counts as a failure (status 0) rather than holding the drill.
      const response = await fetch(`${web!.url}${page.path}`, {
        redirect: "manual",
        headers,
        signal: AbortSignal.timeout(20_000),
      }).catch((error: unknown) => ({ failed: String(error) }));
      if ("failed" in response) {
        answers.push({
          phase: asked,
          answeredIn: phase,
          path: page.path,
          status: 0,
          retryAfter: null,
          body: response.failed,
        });
        continue;
      }
      const body = await response.text();
      answers.push({
        phase: asked,
        answeredIn: phase,
        path: page.path,
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        body,
      });
    }
  };
  const load = Promise.all([-1, ...Array.from({ length: CLIENTS }, (_, index) => index)].map(client));

  await until(3_000);
  phase = "down";
  await server!.stop();
  await until(OUTAGE_MS);
  const readyWhileDown = await fetch(`${web.url}/api/ready`);
  const healthWhileDown = await fetch(`${web.url}/api/health`);
  server = await startEmbeddedPostgres({ dataDir, port, log });
  phase = "back";
  const backAt = Date.now();
  // Service resumes without a restart: the signed-in dashboard renders again.
  await expect
    .poll(
      async () => {
        const response = await fetch(`${web!.url}/dashboard`, { headers: { cookie: customer.cookie } });
        return response.status === 200 && (await response.text()).includes(customer.email);
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
  const recoveredMs = Date.now() - backAt;
  await until(3_000);
  running = false;
  await load;

  expect(readyWhileDown.status).toBe(503);
  expect(await readyWhileDown.json()).toEqual({ status: "not ready", reason: "the database is unreachable" });
  expect(healthWhileDown.status).toBe(200);
  expect((await fetch(`${web.url}/api/ready`)).status).toBe(200);

  const byPhase = (wanted: Phase) => answers.filter((answer) => answer.phase === wanted);
  // Before the outage everything is served.
  const beforeOutage = byPhase("before").filter((answer) => answer.answeredIn === "before");
  expect(beforeOutage.length).toBeGreaterThan(0);
  expect(beforeOutage.filter((answer) => answer.status !== 200)).toEqual([]);
  // Throughout: no connection dropped, no 500, no stack trace, no signed-in customer sent to sign in.
  const unclean = answers.filter(
    (answer) =>
      answer.status === 0 ||
      (answer.status >= 500 && answer.status !== 503) ||
      (answer.status >= 300 && answer.status < 400) ||
      /\n\s+at |Error: |node_modules|prisma/i.test(answer.body),
  );
  expect(unclean.map(({ phase, path, status, body }) => ({ phase, path, status, body: body.slice(0, 300) }))).toEqual(
    [],
  );
  // Every 503 says so cleanly, and the outage really was met by the pages that need the database.
  const refusals = answers.filter((answer) => answer.status === 503);
  expect(refusals.length).toBeGreaterThan(0);
  for (const refusal of refusals) {
    expect(refusal.retryAfter).toBe("5");
    if (refusal.path === "/dashboard/wallet")
      expect(refusal.body).toMatch(/Back in a moment[\s\S]*The service is briefly unavailable/);
    else if (refusal.path !== api.path) expect(refusal.body).toBe(RETRY_MESSAGE);
    else
      expect(JSON.parse(refusal.body)).toMatchObject({
        status: 503,
        type: "/docs/api#problem-unavailable",
        detail: RETRY_MESSAGE,
      });
  }
  expect(refusals.filter((refusal) => refusal.path === api.path).length).toBeGreaterThan(0);
  const signedInDown = byPhase("down").filter((answer) => answer.path !== "/" && !answer.path.startsWith("/products"));
  expect(signedInDown.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
  // Once it is back, the last answers of every page are served again.
  for (const page of [...pages, api]) {
    const last = answers.filter((answer) => answer.path === page.path).at(-1)!;
    expect({ path: page.path, status: last.status }).toEqual({ path: page.path, status: 200 });
  }

  // The same processes, still running.
  expect(web.child.exitCode).toBeNull();
  expect(worker.child.exitCode).toBeNull();
  // The worker's jobs run again: a reservation that ran out is released by its next expiry run.
  const user = await db.user.findUniqueOrThrow({ where: { id: customer.id } });
  const stale = await reservedOrder(db, {
    userId: user.id,
    slug: PRODUCT,
    th: 100,
    reservedUntil: new Date(Date.now() - 1_000),
  });
  await expect
    .poll(async () => (await db.order.findUniqueOrThrow({ where: { id: stale } })).status, {
      timeout: 120_000,
      interval: 1_000,
    })
    .toBe("expired");

  // Nothing written before the outage was lost (the stale order above is the one new row).
  const after = await counts();
  const lost = Object.entries(before).filter(([table, count]) => after[table as keyof typeof after] < count);
  expect(lost).toEqual([]);
  expect(after.orders).toBe(before.orders + 1);

  const served = answers.filter((answer) => answer.status === 200).length;
  console.log(
    `database restart: ${answers.length} requests (${served} served, ${refusals.length} answered 503 with a retry message), ` +
      `down ${OUTAGE_MS / 1000} s, served again ${recoveredMs} ms after PostgreSQL was back, jobs resumed`,
  );
  recordDrill({ drill: "database restart", requests: answers.length, faults: 1, dataLost: lost.length }, startedAt);
}, 300_000);
