// `npm test`: every test layer in one command, on a fresh machine with nothing but Node.
//   npm test                    static checks, unit, integration, end-to-end
//   npm run test:unit           (also test:static, test:integration, test:e2e, test:reliability) one layer alone
// Integration and end-to-end tests get fresh databases on the server provideTestServer picks.
// The reliability layer (tests/reliability/) runs fault drills against real app processes of
// the production build the end-to-end layer made (or builds one when run alone).
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { PROJECT_ROOT } from "./lib/app-database";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./lib/chromium";
import { testSecrets } from "./lib/local-secrets";
import { freePort } from "./lib/postgres";
import { provideTestServer, type TestServer } from "./lib/test-server";
import { startSmtpInbox } from "./lib/smtp-inbox";
import { E2E_ID_NUMBERS, E2E_PASSWORD } from "../tests/e2e/support/secrets";

type Layer = "static" | "unit" | "integration" | "e2e" | "reliability";
const ALL: Layer[] = ["static", "unit", "integration", "e2e", "reliability"];
const requested = process.argv[2] as Layer | undefined;
if (requested && !ALL.includes(requested)) {
  console.error(`Unknown test layer "${requested}". Use one of: ${ALL.join(", ")}.`);
  process.exit(2);
}
const layers = requested ? [requested] : ALL;
const extraArgs = process.argv.slice(3);
const log = (line: string) => console.log(`[test] ${line}`);
const REPORT_DIR = path.join(PROJECT_ROOT, "test-results");
// Throwaway secrets for this run only; the app refuses to start without them.
Object.assign(process.env, testSecrets());

// Fail at once, before any slow step, when the browser is missing.
const chromiumPath = layers.includes("e2e") ? findChromium() : null;
if (layers.includes("e2e") && !chromiumPath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

/** Runs a Node program of the project; its output goes to this terminal, or to `logFile`. */
function run(command: string[], env: Record<string, string> = {}, logFile?: string): Promise<number> {
  return new Promise((resolve) => {
    const output = logFile ? openSync(logFile, "w") : "inherit";
    const child = spawn(process.execPath, command, {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", output, output],
      env: { ...process.env, ...env },
    });
    child.on("exit", (code, signal) => {
      if (typeof output === "number") closeSync(output);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules", name);
type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };

function readVitestCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function readPlaywrightCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

function add(layer: string, counts: Counts | null, exitCode: number): boolean {
  const failed = exitCode !== 0 || !counts || counts.failed > 0;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  // A runner that failed without a failing test (it died, or its server did not start) counts as one failure.
  if (failed && (!counts || counts.failed === 0)) totals.failed += 1;
  log(`${layer}: ${counts ? `${counts.passed} passed, ${counts.failed} failed` : "no report"}${failed ? " ✗" : " ✓"}`);
  return !failed;
}

async function vitest(
  layer: "unit" | "integration" | "reliability",
  env: Record<string, string> = {},
): Promise<boolean> {
  // Written under this process's id, then renamed: a run of the same layer alongside (CI runs
  // the integration layer against a second server at the same time) never reads this one's.
  const report = path.join(REPORT_DIR, `${layer}.json`);
  const ownReport = path.join(REPORT_DIR, `${layer}.${process.pid}.json`);
  rmSync(report, { force: true });
  rmSync(ownReport, { force: true });
  const code = await run(
    [
      bin("vitest/vitest.mjs"),
      "run",
      "--project",
      layer,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${ownReport}`,
      ...extraArgs,
    ],
    env,
  );
  const counts = readVitestCounts(ownReport);
  if (counts) renameSync(ownReport, report);
  return add(layer, counts, code);
}

// The static layer: the compiler, the formatter's check and the linter (with the layering
// rule), side by side, each one counted as a test. The compiler also checks the route types Next
// generates (`next typegen`: page and route props against their paths), which is everything the
// type check inside `next build` does; so when this layer passed, the builds below skip theirs
// (HASHWORK_TYPES_CHECKED, read by next.config.ts).
async function staticChecks(): Promise<boolean> {
  const typegen = await run([bin("next/dist/bin/next"), "typegen"]);
  const checks: [string, string[]][] = [
    ["typecheck", [bin("typescript/bin/tsc"), "--noEmit"]],
    ["format", [bin("prettier/bin/prettier.cjs"), "--check", "--log-level=warn", "."]],
    ["lint", [bin("eslint/bin/eslint.js"), "--max-warnings=0", "."]],
  ];
  const codes = await Promise.all(checks.map(([name, command]) => run(command).then((code) => [name, code] as const)));
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, code] of codes) {
    if (code === 0 && (name !== "typecheck" || typegen === 0)) counts.passed++;
    else {
      counts.failed++;
      log(`static: ${name} failed${name === "format" ? " (run `npm run format`)" : ""}`);
    }
  }
  if (!counts.failed) process.env.HASHWORK_TYPES_CHECKED = "1";
  return add("static", counts, counts.failed ? 1 : 0);
}

/**
 * The e2e server's log must hold no personal data or secret of the accounts the tests used:
 * their emails (createAccount's pattern), their password, the identity numbers typed in, and
 * any whole API key (a key's 16-character prefix may be logged; its secret part never).
 */
function logHygiene(file: string): Counts {
  if (!existsSync(file)) {
    log("e2e logs: no server log was written");
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const text = readFileSync(file, "utf8");
  const forbidden: [string, RegExp][] = [
    ["a test account's email", /[A-Za-z0-9._%+-]+@example\.com/i],
    ["the test password", new RegExp(E2E_PASSWORD)],
    ...E2E_ID_NUMBERS.map((id): [string, RegExp] => [`the ID number ${id}`, new RegExp(id)]),
    ["an API key", /hw_live_[0-9A-Za-z]{40}/],
  ];
  const found = forbidden.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
  const lines = text.split("\n").filter(Boolean).length;
  if (found.length) log(`e2e logs: ${found.join(", ")} found in ${file}`);
  else log(`e2e logs: ${lines} lines checked, no email, password, ID number or API key`);
  return { passed: found.length ? 0 : 1, failed: found.length ? 1 : 0, skipped: 0 };
}

/** The drills' figures (each writes test-results/reliability/<drill>.json), as one table. */
function printDrillSummary(dir: string): void {
  if (!existsSync(dir)) return;
  type Figures = { drill: string; requests: number; faults: number; dataLost: number; seconds: number };
  const rows = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Figures);
  if (!rows.length) return;
  const table = rows.map((row) => ({
    drill: row.drill,
    "requests sent": row.requests,
    "faults injected": row.faults,
    "data lost": row.dataLost,
    seconds: row.seconds,
  }));
  const total = rows.reduce(
    (sum, row) => ({
      requests: sum.requests + row.requests,
      faults: sum.faults + row.faults,
      lost: sum.lost + row.dataLost,
    }),
    { requests: 0, faults: 0, lost: 0 },
  );
  log(
    `Fault drills: ${rows.length} run, ${total.requests} requests, ${total.faults} faults injected, data lost: ${total.lost}`,
  );
  console.table(table);
}

let built = false;
let server: TestServer | undefined;
const databases: string[] = [];
let ok = true;

async function database(prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const url = await server!.createDatabase(name);
  databases.push(name);
  await migrate(url);
  return url;
}

async function cleanUp() {
  for (const name of databases.splice(0)) await server?.dropDatabase(name).catch(() => {});
  await server?.stop().catch(() => {});
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

/**
 * The production build the browser tests run against, made in the background: the unit and
 * integration layers run one file at a time and leave a processor core mostly idle. Its output
 * is kept in test-results/e2e-build.log and printed when it fails.
 */
function buildInBackground(env: Record<string, string>): Promise<boolean> {
  const buildLog = path.join(REPORT_DIR, "e2e-build.log");
  mkdirSync(REPORT_DIR, { recursive: true });
  log("Building the app for the browser tests (next build) while the unit and integration layers run…");
  return run([bin("next/dist/bin/next"), "build"], env, buildLog).then((code) => {
    if (code !== 0) console.error(readFileSync(buildLog, "utf8"));
    return code === 0;
  });
}

try {
  if (layers.includes("static")) ok = (await staticChecks()) && ok;

  if (layers.includes("integration") || layers.includes("e2e") || layers.includes("reliability")) {
    server = await provideTestServer(log);
    log(`Tests use ${server.description}.`);
  }

  // What the browser tests' server is built and run with (the build bakes APP_URL into pages it
  // renders ahead of time).
  let e2eEnv: Record<string, string> | undefined;
  let prebuilt: Promise<boolean> | undefined;
  if (layers.includes("e2e")) {
    const url = await database("hashwork_e2e");
    const db = createPrismaClient(url);
    await seed(db, { demoAccounts: true }); // a throwaway database, like the embedded one
    await db.$disconnect();
    const e2ePort = process.env.E2E_PORT ?? String(await freePort());
    e2eEnv = {
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      STORAGE_DIR: path.join(REPORT_DIR, "storage"),
      E2E_PORT: e2ePort,
      APP_URL: `http://127.0.0.1:${e2ePort}`,
    };
    if (layers.includes("unit") || layers.includes("integration")) prebuilt = buildInBackground(e2eEnv);
  }

  if (layers.includes("unit")) ok = (await vitest("unit")) && ok;

  if (layers.includes("integration")) {
    const url = await database("hashwork_it");
    ok = (await vitest("integration", { TEST_PG_SERVER_URL: server!.serverUrl, DATABASE_URL: url })) && ok;
  }

  if (layers.includes("e2e")) {
    if (prebuilt && !(await prebuilt)) throw new Error("next build failed");
    const report = path.join(REPORT_DIR, "e2e.json");
    rmSync(report, { force: true });
    // The app sends real mail to an in-process SMTP server; the browser tests read the folder.
    const mailbox = path.join(REPORT_DIR, "mailbox");
    rmSync(mailbox, { recursive: true, force: true });
    const inbox = await startSmtpInbox({ saveTo: mailbox });
    // The server's logs are kept: the runner checks them for personal data afterwards.
    const serverLog = path.join(REPORT_DIR, "e2e-server.log");
    rmSync(serverLog, { force: true });
    const code = await run([bin("@playwright/test/cli.js"), "test", ...extraArgs], {
      ...e2eEnv!,
      E2E_SERVER_LOG: serverLog,
      CHROMIUM_PATH: chromiumPath!,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      SMTP_URL: inbox.url,
      MAILBOX_DIR: mailbox,
      // Built above already: the test server only starts it (playwright.config.ts).
      HASHWORK_PREBUILT: prebuilt ? "1" : "0",
    });
    await inbox.close();
    ok = add("e2e", readPlaywrightCounts(report), code) && ok;
    ok = add("e2e logs", logHygiene(serverLog), 0) && ok;
    built = true;
  }

  if (layers.includes("reliability")) {
    // One production build serves every drill's app processes (the e2e layer's, when it ran).
    const url = await database("hashwork_rel_build");
    const db = createPrismaClient(url);
    await seed(db, { demoAccounts: false });
    await db.$disconnect();
    if (!built && process.env.HASHWORK_REUSE_BUILD !== "1") {
      log("Building the app for the reliability drills (next build)…");
      const code = await run([bin("next/dist/bin/next"), "build"], { DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" });
      if (code !== 0) throw new Error("next build failed");
    }
    rmSync(path.join(REPORT_DIR, "reliability"), { recursive: true, force: true });
    ok = (await vitest("reliability", { TEST_PG_SERVER_URL: server!.serverUrl, DATABASE_URL: url })) && ok;
    printDrillSummary(path.join(REPORT_DIR, "reliability"));
  }
} catch (error) {
  ok = false;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await cleanUp();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
