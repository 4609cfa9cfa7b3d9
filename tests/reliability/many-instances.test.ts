// Two web instances of one build and a worker on one database, behind a round-robin load
// balancer: a customer signs in on one instance, buys on the other, and sees the order on both;
// unpinned requests land on both and stay signed in. What makes it work: the same build and
// secrets everywhere, sessions as signed cookies checked against the database, rate limits and
// jobs in PostgreSQL. The web instances run with JOBS=off and run no job; the worker runs them.
// None of the three processes writes the customer's email or password to its log.
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { findChromium } from "@/scripts/lib/chromium";
import { createUser, creditUsd, TEST_PASSWORD } from "../support/factories";
import type { TestDatabase } from "../support/test-database";
import {
  recordDrill,
  roundRobinProxy,
  seededDatabase,
  startWeb,
  startWorker,
  type AppProcess,
  type Proxy,
} from "./support/processes";

const PRODUCT = "antminer-s19-pro-20-days";
let database: TestDatabase;
let db: Db;
let web: AppProcess[] = [];
let worker: AppProcess;
let proxy: Proxy;
let browser: Browser;

beforeAll(async () => {
  database = await seededDatabase();
  db = createPrismaClient(database.url);
  proxy = await roundRobinProxy(() => web.map((instance) => instance.url));
  const env = { APP_URL: proxy.url };
  web = await Promise.all([startWeb("web-a", database.url, env), startWeb("web-b", database.url, env)]);
  worker = await startWorker("worker", database.url, env);
  browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([...web.map((instance) => instance.stop()), worker?.stop()]);
  await proxy?.close();
  await db?.$disconnect();
  await database?.drop();
});

test("sign in on one instance, buy on the other, see the order on both", async () => {
  const startedAt = Date.now();
  const customer = await createUser(db);
  await creditUsd(db, customer.id, 50_000n);
  const context = await browser.newContext({ baseURL: proxy.url });
  const page = await context.newPage();
  const on = (backend: 0 | 1) => context.setExtraHTTPHeaders({ "x-test-backend": String(backend) });

  // Sign in through instance A.
  await on(0);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();

  // Buy through instance B, with the session A issued.
  await on(1);
  await page.goto(`/checkout/${PRODUCT}`);
  await page.getByLabel("Hashrate (TH)").fill("100");
  await page.getByRole("checkbox", { name: /I accept the contract terms/ }).check();
  await page.getByRole("button", { name: "Pay $105.00" }).click();
  await page.getByRole("status").filter({ hasText: "Paid" }).waitFor();

  const order = await db.order.findFirstOrThrow({ where: { userId: customer.id }, include: { contract: true } });
  expect(order.status).toBe("paid");
  expect(order.contract).not.toBeNull();

  // The order shows on both instances.
  for (const backend of [0, 1] as const) {
    await on(backend);
    await page.goto("/dashboard/orders");
    // The list streams in after its skeleton: wait for it rather than read the first paint.
    const main = page.getByRole("main");
    await main.getByRole("table").waitFor();
    expect(await main.getByRole("table").textContent()).toContain("Antminer S19 Pro");
    expect(await main.getByRole("table").textContent()).toContain("Paid");
  }

  // Unpinned, requests alternate and the session holds on each.
  await context.setExtraHTTPHeaders({});
  const before = [...proxy.counts];
  for (let visit = 0; visit < 4; visit++) {
    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "Overview" }).waitFor();
  }
  expect(proxy.counts[0]! - before[0]!).toBeGreaterThan(0);
  expect(proxy.counts[1]! - before[1]!).toBeGreaterThan(0);

  // The sign-in was handled by A and the purchase by B (their request logs say so).
  const posts = (instance: AppProcess) =>
    instance
      .logs()
      .filter((line) => line.msg === "request" && line.method === "POST")
      .map((line) => line.path);
  expect(posts(web[0]!)).toContain("/sign-in");
  expect(posts(web[1]!)).toContain(`/checkout/${PRODUCT}`);

  // A password reset asked on A is queued in PostgreSQL and sent by the worker.
  await on(0);
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await page.getByRole("status").filter({ hasText: "a reset link is on its way" }).waitFor();
  await expect
    .poll(() => db.outboxEmail.count({ where: { to: customer.email, subject: { contains: "Reset" } } }), {
      timeout: 20_000,
    })
    .toBe(1);
  await expect
    .poll(
      () => worker.logs().filter((line) => line.msg === "job finished" && line.job === "send-password-reset").length,
    )
    .toBe(1);
  // The scheduled jobs run in the worker too, and never in a JOBS=off web instance.
  await expect
    .poll(() => worker.logs().some((line) => line.msg === "job finished" && line.job === "expire-reservations"), {
      timeout: 30_000,
    })
    .toBe(true);
  for (const instance of web) expect(instance.logs().filter((line) => line.msg === "job finished")).toEqual([]);

  // No process logged the customer's email or password.
  for (const instance of [...web, worker]) {
    const output = instance.output();
    expect(output).not.toContain(customer.email);
    expect(output).not.toContain(TEST_PASSWORD);
  }
  await context.close();
  recordDrill(
    { drill: "many instances", requests: proxy.counts.reduce((a, b) => a + b, 0), faults: 0, dataLost: 0 },
    startedAt,
  );
});
