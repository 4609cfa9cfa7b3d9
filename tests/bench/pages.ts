// `npm run bench:pages`: requests/s and p50/p99 latency of the signed-in pages (overview,
// contracts, wallet, a checkout) under the production server, next to a static file served by
// the same server in the same run. A customer with an active contract, mined BTC, a USD balance
// and a paid order signs in through the real form in Chromium; the pages are then loaded with
// that browser's cookies and checked to be the signed-in pages before they are measured.
// Two runs: without Accept-Encoding, then with a browser's. Goal: each page ≥ 10 % of the static
// file's rate with no errors, in both runs. The sign-in form is measured too, for reference: it
// renders per request but reads no session and no data, so it shows the most a page can reach.
//   --no-build       reuse .next
//   --cpu-prof       run the server under `node --cpu-prof`, load the pages alone (no static file,
//                    no ratio) and summarise where the server's time went
//   --only=<name>    measure one page (overview, contracts, wallet, checkout) next to the static file
//   BENCH_CONNECTIONS (default 20), BENCH_DURATION (default 10 s)
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { migrate } from "@/lib/db/migrate";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { routes } from "@/lib/routes";
import { seed } from "@/prisma/seed";
import { DATA_DIR } from "@/scripts/lib/app-database";
import { findChromium, HOW_TO_GET_CHROMIUM } from "@/scripts/lib/chromium";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { buildNext, startNext } from "@/scripts/lib/next-server";
import { freePort } from "@/scripts/lib/postgres";
import { provideTestServer } from "@/scripts/lib/test-server";
import { summariseCpuProfiles } from "./support/cpu-profile";
import { treeCpuMs } from "./support/process-cpu";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const PROFILE = process.argv.includes("--cpu-prof");
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const GOAL = 0.1;
const PRODUCT = "antminer-s19-pro-20-days";
const DAY_MS = 86_400_000;

const ENCODINGS: { name: string; headers: Record<string, string> }[] = [
  { name: "no Accept-Encoding", headers: {} },
  { name: "Accept-Encoding: gzip, deflate, br, zstd", headers: { "accept-encoding": "gzip, deflate, br, zstd" } },
];

type Target = {
  name: string;
  path: string;
  signedIn: boolean;
  marks: (email: string) => string[];
  /** Measured for comparison, not held to the goal. */
  reference?: boolean;
};

const log = (line: string) => console.log(`[bench] ${line}`);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

Object.assign(process.env, testSecrets());
const pgServer = await provideTestServer(log);
const dbName = `hashwork_bench_pages_${process.pid}`;
const url = await pgServer.createDatabase(dbName);
await migrate(url);
process.env.DATABASE_URL = url;

// Imported after DATABASE_URL is set: the app's client reads it once.
const { db } = await import("@/lib/db");
const { buyFromBalance } = await import("@/lib/orders/checkout");
const { settleRange } = await import("@/lib/settlement/settle");
const { createContract, createUser, creditUsd, TEST_PASSWORD } = await import("../support/factories");

/** A customer as the pages should show one: terms accepted, USD topped up, a paid order, a contract mining for a week. */
async function benchCustomer(): Promise<{ email: string }> {
  await seed(db);
  const user = await createUser(db);
  await db.termsAcceptance.create({ data: { userId: user.id, version: CURRENT_TERMS.id, source: "sign_up" } });
  await creditUsd(db, user.id, 50_000n);
  const request = { ip: "127.0.0.1", userAgent: "bench" };
  const bought = await buyFromBalance(user.id, { slug: PRODUCT, th: 50, idempotencyKey: "bench-order" }, request);
  if (bought.unpaidReason) throw new Error(`The benchmark's order was not paid: ${bought.unpaidReason}`);
  const product = await db.product.findUniqueOrThrow({ where: { slug: PRODUCT } });
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  await createContract(db, {
    userId: user.id,
    productId: product.id,
    th: 120,
    startsAt: new Date(today - 8 * DAY_MS),
    endsAt: new Date(today + 12 * DAY_MS),
  });
  await settleRange(utcDay(today - 8 * DAY_MS), utcDay(today - DAY_MS));
  return { email: user.email };
}

/** Signs in through the form in Chromium, as a customer does; returns the browser's cookies as a header. */
async function signInCookie(baseURL: string, email: string): Promise<string> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(routes.signIn());
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 30_000 });
    const cookies = await context.cookies();
    if (!cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))) {
      throw new Error("Signing in set no session cookie");
    }
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** Refuses to measure a page that is not the signed-in page (a redirect to sign-in, an error page). */
async function assertSignedInPage(baseUrl: string, target: Target, cookie: string, email: string): Promise<number> {
  const response = await fetch(baseUrl + target.path, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const missing = target.marks(email).filter((mark) => !body.includes(mark));
  if (response.status !== 200 || missing.length > 0) {
    throw new Error(
      `${target.path} is not the signed-in page: status ${response.status}${missing.length ? `, missing ${missing.join(", ")}` : ""}`,
    );
  }
  return Buffer.byteLength(body);
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

type Result = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuMsPerRequest: number | null;
};

let stopNext: (() => Promise<void>) | undefined;
const profileDir = path.join(DATA_DIR, "profiles", `pages-${process.pid}`);
try {
  const { email } = await benchCustomer();
  const product = await db.product.findUniqueOrThrow({ where: { slug: PRODUCT }, select: { title: true } });
  const allTargets: Target[] = [
    { name: "static file (/robots.txt)", path: "/robots.txt", signedIn: false, marks: () => ["User-agent"] },
    // The cheapest page Next renders per request here: no session, no query (it is per request
    // only for its CSP nonce). What a signed-in page can reach is bounded by this.
    {
      name: "sign-in form (reference)",
      path: routes.signIn(),
      signedIn: false,
      marks: () => ["<title>Sign in · Hashwork</title>"],
      reference: true,
    },
    {
      name: "overview",
      path: routes.dashboard.home,
      signedIn: true,
      marks: (email) => [email, ">Overview</h1>", "Active hashrate"],
    },
    {
      name: "contracts",
      path: routes.dashboard.contracts,
      signedIn: true,
      marks: (email) => [email, ">Contracts</h1>", 'data-testid="contract-card"'],
    },
    {
      name: "wallet",
      path: routes.dashboard.wallet,
      signedIn: true,
      marks: (email) => [email, ">Wallet</h1>", 'data-testid="usd-balance"', "Mining reward"],
    },
    {
      name: "checkout",
      path: routes.checkout(PRODUCT),
      signedIn: true,
      marks: () => [">Checkout: ", escapeHtml(product.title), "balanceCents"],
    },
  ];

  const targets = allTargets.filter((target, index) => index === 0 || !ONLY || target.name.startsWith(ONLY));
  if (targets.length === 1) throw new Error(`No page is called ${ONLY}`);

  if (!process.argv.includes("--no-build")) await buildNext({ DATABASE_URL: url });
  if (PROFILE) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const server = await startNext(
    await freePort(),
    { DATABASE_URL: url },
    { nodeFlags: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] },
  );
  stopNext = server.stop;

  const cookie = await signInCookie(server.url, email);
  const bytes = new Map<string, number>();
  for (const target of targets) {
    bytes.set(target.name, await assertSignedInPage(server.url, target, target.signedIn ? cookie : "", email));
  }
  log(`signed in as ${email}; every page answers 200 with the signed-in content`);

  // Profiled, the pages alone with a browser's encoding: the static file's requests would fill
  // the profile, and the profiler's own cost makes a ratio meaningless anyway.
  const encodings = PROFILE ? ENCODINGS.slice(1) : ENCODINGS;
  const measured = PROFILE ? targets.slice(1) : targets;
  let met = true;
  for (const encoding of encodings) {
    const results: Result[] = [];
    for (const target of measured) {
      const headers = { ...encoding.headers, ...(target.signedIn ? { cookie } : {}) };
      const run = (duration: number) =>
        autocannon({ url: server.url + target.path, connections: CONNECTIONS, duration, headers });
      await run(3); // warm-up: JIT, compile caches, the pool's connections
      const cpuBefore = treeCpuMs(server.pid);
      const result = await run(DURATION_S);
      const cpuAfter = treeCpuMs(server.pid);
      results.push({
        name: target.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        cpuMsPerRequest:
          cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
      });
    }
    const baseline = PROFILE ? NaN : results[0]!.rps;
    console.log(`\n${encoding.name}: ${CONNECTIONS} connections, ${DURATION_S} s each, after a 3 s warm-up\n`);
    console.log(
      "target                          req/s   p50 ms   p99 ms   errors   non-2xx   vs static   ≥ 10 %   HTML bytes   server CPU ms/req",
    );
    for (const [index, result] of results.entries()) {
      const ratio = result.rps / baseline;
      const page = PROFILE || (index > 0 && !measured[index]!.reference);
      const ok = ratio >= GOAL && result.errors === 0 && result.non2xx === 0;
      console.log(
        `${result.name.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} ${String(result.p50).padStart(8)} ${String(result.p99).padStart(8)} ${String(result.errors).padStart(8)} ${String(result.non2xx).padStart(9)} ${(PROFILE ? "-" : `${(ratio * 100).toFixed(1)} %`).padStart(11)}   ${(!page || PROFILE ? "" : ok ? "yes" : "no").padEnd(6)} ${String(bytes.get(result.name)).padStart(12)} ${(result.cpuMsPerRequest?.toFixed(2) ?? "n/a").padStart(19)}`,
      );
      if (page) met &&= ok;
    }
  }
  // The session must still be good after the load (the pages did not sign it out or break it).
  for (const target of targets) await assertSignedInPage(server.url, target, target.signedIn ? cookie : "", email);
  if (!PROFILE) {
    console.log(`\nGoal (each page ≥ 10 % of the static file, no errors, both runs): ${met ? "met" : "NOT met"}`);
    if (!met) process.exitCode = 1;
  }

  if (PROFILE) {
    await stopNext();
    stopNext = undefined;
    console.log(`\nCPU profile of the server (${profileDir}):\n`);
    console.log(summariseCpuProfiles(profileDir, 40));
  }
} finally {
  await stopNext?.();
  await db.$disconnect();
  await (await import("@/lib/db/pool")).closePools();
  await pgServer.dropDatabase(dbName).catch(() => {});
  await pgServer.stop();
}
