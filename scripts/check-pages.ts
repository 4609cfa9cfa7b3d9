// `npm run check:pages`: the page budgets, measured on the production build in Chromium.
//   Lighthouse 12.2.3, its default mobile settings (emulated phone, simulated slow 4G and 4× CPU),
//   three runs per page, the median of each figure, on the home page, a product page, and
//   (signed in as a customer who owns an active contract) checkout, the dashboard and a contract.
//   Fails when performance < 90, accessibility or best practices < 100, SEO < 100 on a public
//   page, any layout shift, or the home or product page's first-load JavaScript more than 10 %
//   above an empty page's in the same build. The goal, 100 and LCP ≤ 1.2 s, is reported only:
//   a busy machine must not block a change.
// Builds first (`next build`) unless HASHWORK_REUSE_BUILD=1 and a build exists.
// CHECK_PAGES_PERFORMANCE=report prints a performance score under 90 without failing: on a shared
// machine the same build scores anywhere from the 60s to 90 from one run to the next. CI uses it
// until the pages score 90 with room to spare; every other budget always fails the run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { CURRENT_TERMS } from "../lib/privacy/terms";
import { routes } from "../lib/routes";
import { seed } from "../prisma/seed";
import { SEED_PRODUCTS } from "../prisma/seed-data";
import { PROJECT_ROOT } from "./lib/app-database";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./lib/chromium";
import { testSecrets } from "./lib/local-secrets";
import { buildNext, startNext, type RunningServer } from "./lib/next-server";
import { freePort } from "./lib/postgres";
import { provideTestServer } from "./lib/test-server";

const RUNS = 3;
const BUDGET = { performance: 90, accessibility: 100, bestPractices: 100, seo: 100, cls: 0, jsOverEmpty: 0.1 };
const GOAL = { score: 100, lcpSeconds: 1.2 };
const REPORT_DIR = path.join(PROJECT_ROOT, "test-results", "pages");
const log = (line: string) => console.log(`[pages] ${line}`);

type Page = { name: string; path: string; signedIn: boolean; firstLoadJs: boolean };
type Figures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number | null;
  lcpSeconds: number;
  cls: number;
  tbtMs: number;
};
type Bytes = { transfer: number; raw: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

function figuresOf(lhr: Result, withSeo: boolean): Figures {
  return {
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
    seo: withSeo ? score(lhr, "seo") : null,
    lcpSeconds: numeric(lhr, "largest-contentful-paint") / 1000,
    cls: numeric(lhr, "cumulative-layout-shift"),
    tbtMs: numeric(lhr, "total-blocking-time"),
  };
}

function medianOf(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((run) => run[key] ?? 0));
  return {
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: runs[0]!.seo === null ? null : pick("seo"),
    lcpSeconds: pick("lcpSeconds"),
    cls: pick("cls"),
    tbtMs: pick("tbtMs"),
  };
}

/** The audits that kept a category below 100 in a run: what to fix, printed under the table. */
function shortfalls(lhr: Result): string[] {
  const found: string[] = [];
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : "";
      found.push(`${category.id}: ${audit.id}${value}, score ${Math.round(audit.score * 100)}`);
    }
  }
  return found;
}

/** The JavaScript files a run's browser requested (the network log of the Lighthouse run). */
function scriptsOf(lhr: Result, origin: string): string[] {
  const details = lhr.audits["network-requests"]?.details;
  if (!details || details.type !== "table") return [];
  return details.items
    .filter((item) => item.resourceType === "Script" && typeof item.url === "string")
    .map((item) => new URL(String(item.url)).pathname)
    .filter((pathname) => new URL(pathname, origin).origin === origin);
}

/** The bytes of one response as sent (not decoded), with or without a browser's Accept-Encoding. */
function responseBytes(url: string, encoding: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: encoding ? { "accept-encoding": encoding } : {} }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} answered ${response.statusCode}`)),
      );
    })
      .on("error", reject)
      .end();
  });
}

// Chromium sends "gzip, deflate, br, zstd" to an HTTPS site, which is how customers fetch the
// app; Lighthouse runs on plain http://127.0.0.1, where Chromium offers no Brotli, so the bytes
// are fetched again here the way a customer's browser receives them.
async function scriptBytes(origin: string, files: string[]): Promise<Bytes> {
  let transfer = 0;
  let raw = 0;
  for (const file of new Set(files)) {
    transfer += await responseBytes(origin + file, "gzip, deflate, br, zstd");
    raw += await responseBytes(origin + file, null);
  }
  return { transfer, raw };
}

/**
 * The JavaScript of an empty App Router page in this build, the yardstick of the first-load
 * budget. Every page of this build loads Next's runtime (the build manifest's rootMainFiles)
 * and the client chunks of the root segment it is wrapped in whatever it renders: the root
 * layout (the cookie banner), its error boundary and its not-found boundary (Next fetches
 * these for a page that never shows them; the dashboard does). So an empty page would load
 * exactly those files, and we read them from the build's manifests — the client reference
 * manifest of Next's built-in 404 page, whose entries are the root segment's — instead of
 * measuring a page in the browser, because this app has no empty page (each one adds a header
 * or a section layout) and adding a route only to measure it would ship it to customers.
 */
function emptyPageScripts(): string[] {
  const next = path.join(PROJECT_ROOT, ".next");
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const manifestFile = path.join(next, "server/app/_not-found/page_client-reference-manifest.js");
  // The file assigns the manifest to globalThis.__RSC_MANIFEST; run it against an empty global.
  const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(manifestFile, "utf8"), Object.assign(context, { globalThis: context }));
  const entries = Object.entries(context.__RSC_MANIFEST?.["/_not-found/page"]?.entryJSFiles ?? {});
  // The root segment's files (app/layout, app/error, app/not-found) and Next's own boundaries.
  const root = entries.filter(([entry]) => /^\[project\]\/(app\/[^/]+|node_modules\/next\/.+)$/.test(entry));
  if (!root.some(([entry]) => entry === "[project]/app/layout"))
    throw new Error(`The root layout's entry is missing from ${manifestFile}.`);
  return [...new Set([...build.rootMainFiles, ...root.flatMap(([, files]) => files)])].map((file) => `/_next/${file}`);
}

/**
 * Signs the customer in through the app's own form in the Chromium Lighthouse drives (over its
 * debugging port), so later runs carry the real session cookie and the page's scripts see the
 * cookies a customer's browser holds. Returns them as a Cookie header for warming pages up.
 */
async function signInWithin(chromePort: number, origin: string, account: { email: string; password: string }) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chromePort}`);
  try {
    const context = browser.contexts()[0]!;
    const page = await context.newPage();
    await page.goto(origin + routes.signIn());
    // A customer answered the cookie banner long ago: the signed-in figures are not about it.
    await page.getByRole("button", { name: "Essential only" }).click();
    await page.getByRole("button", { name: "Essential only" }).waitFor({ state: "detached" });
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === routes.dashboard.home);
    await page.close();
    return (await context.cookies(origin)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

function printTable(rows: { page: Page; figures: Figures }[]) {
  console.log(
    "\npage                          perf  a11y  best   seo   LCP s     CLS   TBT ms   goal (100, LCP ≤ 1.2 s)",
  );
  for (const { page, figures } of rows) {
    const scores = [figures.performance, figures.accessibility, figures.bestPractices, figures.seo ?? GOAL.score];
    const met = scores.every((value) => value >= GOAL.score) && figures.lcpSeconds <= GOAL.lcpSeconds;
    console.log(
      `${page.name.padEnd(28)} ${pad(figures.performance, 5)} ${pad(figures.accessibility, 5)} ${pad(figures.bestPractices, 5)} ${pad(figures.seo ?? "—", 5)} ${pad(figures.lcpSeconds.toFixed(2), 7)} ${pad(figures.cls.toFixed(3), 7)} ${pad(Math.round(figures.tbtMs), 8)}   ${met ? "met" : "not met"}`,
    );
  }
}

const PERFORMANCE_REPORTED_ONLY = process.env.CHECK_PAGES_PERFORMANCE === "report";
const warnings: string[] = [];

function budgetFailures(page: Page, figures: Figures): string[] {
  const failures: string[] = [];
  if (figures.performance < BUDGET.performance) {
    const shortfall = `performance ${figures.performance} < ${BUDGET.performance}`;
    if (PERFORMANCE_REPORTED_ONLY) warnings.push(`${page.name}: ${shortfall} (reported, not enforced)`);
    else failures.push(shortfall);
  }
  if (figures.accessibility < BUDGET.accessibility)
    failures.push(`accessibility ${figures.accessibility} < ${BUDGET.accessibility}`);
  if (figures.bestPractices < BUDGET.bestPractices)
    failures.push(`best practices ${figures.bestPractices} < ${BUDGET.bestPractices}`);
  if (figures.seo !== null && figures.seo < BUDGET.seo) failures.push(`SEO ${figures.seo} < ${BUDGET.seo}`);
  if (figures.cls > BUDGET.cls) failures.push(`layout shift ${figures.cls.toFixed(3)} > ${BUDGET.cls}`);
  return failures.map((failure) => `${page.name}: ${failure}`);
}

const started = performance.now();
const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
Object.assign(process.env, testSecrets());
mkdirSync(REPORT_DIR, { recursive: true });

const pgServer = await provideTestServer(log);
const dbName = `hashwork_pages_${process.pid}`;
let server: RunningServer | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
const failures: string[] = [];
try {
  const url = await pgServer.createDatabase(dbName);
  await migrate(url);
  process.env.DATABASE_URL = url;
  // Imported once DATABASE_URL is set: the factories reach the app's client, which reads it once.
  const { createContract, createUser, TEST_PASSWORD } = await import("../tests/support/factories");
  const db = createPrismaClient(url);
  await seed(db);
  const product = await db.product.findUniqueOrThrow({ where: { slug: SEED_PRODUCTS[0]!.slug } });
  const customer = await createUser(db);
  await db.termsAcceptance.create({ data: { userId: customer.id, version: CURRENT_TERMS.id, source: "sign_up" } });
  const day = 86_400_000;
  const contract = await createContract(db, {
    userId: customer.id,
    productId: product.id,
    th: 100,
    startsAt: new Date(Date.now() - 3 * day),
    endsAt: new Date(Date.now() + 17 * day),
  });
  await db.$disconnect();

  const reuse = process.env.HASHWORK_REUSE_BUILD === "1" && existsSync(path.join(PROJECT_ROOT, ".next/BUILD_ID"));
  if (reuse) log("Reusing the production build in .next (HASHWORK_REUSE_BUILD=1).");
  else await buildNext({ DATABASE_URL: url });
  const port = await freePort();
  server = await startNext(port, { DATABASE_URL: url, APP_URL: `http://127.0.0.1:${port}` });
  const origin = server.url;

  // Public pages first, as a first visit (no cookies: the cookie banner shows); then the
  // browser signs in and the others are measured as the customer (Lighthouse keeps cookies).
  const pages: Page[] = [
    { name: "/", path: routes.home, signedIn: false, firstLoadJs: true },
    { name: "product page", path: routes.product(product.slug), signedIn: false, firstLoadJs: true },
    { name: "checkout (signed in)", path: routes.checkout(product.slug), signedIn: true, firstLoadJs: false },
    { name: "dashboard (signed in)", path: routes.dashboard.home, signedIn: true, firstLoadJs: false },
    { name: "contract (signed in)", path: routes.dashboard.contract(contract.id), signedIn: true, firstLoadJs: false },
  ];
  // Every public page once before measuring: the product page is rendered on its first request.
  for (const page of pages.filter((candidate) => !candidate.signedIn)) await fetch(origin + page.path);

  chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows: { page: Page; figures: Figures }[] = [];
  const advice = new Map<string, string[]>();
  let version = "";
  const benchmarks: number[] = [];
  const scripts = new Map<Page, string[]>();
  let signedIn = false;
  for (const page of pages) {
    if (page.signedIn && !signedIn) {
      const cookie = await signInWithin(chrome.port, origin, { email: customer.email, password: TEST_PASSWORD });
      signedIn = true;
      for (const signedInPage of pages.filter((candidate) => candidate.signedIn))
        await fetch(origin + signedInPage.path, { headers: { cookie } });
    }
    const flags: Flags = {
      port: chrome.port,
      logLevel: "error",
      output: "json",
      // Neither has score weight; each costs seconds per run (a screenshot, a second navigation).
      disableFullPageScreenshot: true,
      skipAudits: ["bf-cache"],
      onlyCategories: ["performance", "accessibility", "best-practices", ...(page.signedIn ? [] : ["seo"])],
    };
    const pageStarted = performance.now();
    const runs: Figures[] = [];
    const missed: { performance: number; lines: string[] }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(origin + page.path, flags);
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname !== page.path.split("?")[0])
        throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}, not the page itself`);
      version = lhr.lighthouseVersion;
      benchmarks.push(lhr.environment.benchmarkIndex);
      runs.push(figuresOf(lhr, !page.signedIn));
      missed.push({ performance: runs.at(-1)!.performance, lines: shortfalls(lhr) });
      if (run === 0) {
        scripts.set(page, scriptsOf(lhr, origin));
        const file = page.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
        writeFileSync(path.join(REPORT_DIR, `${file}.json`), JSON.stringify(lhr));
      }
    }
    const figures = medianOf(runs);
    // What kept the median run (by performance) below 100: the list to work from.
    advice.set(page.name, missed.sort((a, b) => a.performance - b.performance)[Math.floor(RUNS / 2)]!.lines);
    log(`${page.name}: ${RUNS} runs in ${((performance.now() - pageStarted) / 1000).toFixed(0)} s`);
    rows.push({ page, figures });
    failures.push(...budgetFailures(page, figures));
  }

  console.log(`\nLighthouse ${version}, mobile (its defaults), median of ${RUNS} runs per page`);
  printTable(rows);
  // Lighthouse's own CPU yardstick: its simulated phone is calibrated for an index around 1,000
  // or more; a busier machine scores lower on performance and TBT than the pages deserve.
  console.log(
    `Machine benchmark index during the runs: ${Math.round(Math.min(...benchmarks))}–${Math.round(Math.max(...benchmarks))}`,
  );
  for (const [page, lines] of advice) {
    if (!lines.length) continue;
    console.log(`\n${page}, below 100 in its median run:`);
    for (const line of lines) console.log(`  ${line}`);
  }

  const baselineFiles = emptyPageScripts();
  const baseline = await scriptBytes(origin, baselineFiles);
  console.log(
    `\nFirst-load JavaScript (compressed as sent to a browser / raw), budget ≤ ${BUDGET.jsOverEmpty * 100} % over an empty page`,
  );
  console.log(
    `empty page (${baselineFiles.length} files)`.padEnd(28) +
      `${pad(baseline.transfer, 9)} B ${pad(baseline.raw, 9)} B`,
  );
  for (const page of pages.filter((candidate) => candidate.firstLoadJs)) {
    const files = scripts.get(page) ?? [];
    const bytes = await scriptBytes(origin, files);
    const over = { transfer: bytes.transfer / baseline.transfer - 1, raw: bytes.raw / baseline.raw - 1 };
    const percent = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} %`;
    console.log(
      `${`${page.name} (${new Set(files).size} files)`.padEnd(28)}${pad(bytes.transfer, 9)} B ${pad(bytes.raw, 9)} B   ${percent(over.transfer)} / ${percent(over.raw)}`,
    );
    if (over.transfer > BUDGET.jsOverEmpty || over.raw > BUDGET.jsOverEmpty)
      failures.push(
        `${page.name}: first-load JavaScript ${percent(over.transfer)} / ${percent(over.raw)} over an empty page`,
      );
  }
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  await chrome?.kill();
  await server?.stop();
  await pgServer.dropDatabase(dbName).catch(() => {});
  await pgServer.stop();
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
for (const warning of warnings) console.log(`  ! ${warning}`);
if (failures.length) {
  console.log(`\nPage budgets NOT met (${seconds} s):`);
  for (const failure of failures) console.log(`  ✗ ${failure}`);
  process.exit(1);
}
console.log(`\nPage budgets met (${seconds} s). Reports: ${path.relative(PROJECT_ROOT, REPORT_DIR)}/`);
