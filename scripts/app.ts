// `npm start` (production build) and `npm run dev`: a database (embedded unless DATABASE_URL is
// set), migrations, the seed, then Next.js. Ctrl-C stops Next and PostgreSQL cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { SEED_ACCOUNTS } from "../prisma/seed-data";
import { PROJECT_ROOT, provideAppDatabase } from "./lib/app-database";
import { NEXT_BIN } from "./lib/next-bin";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (line: string) => console.log(`[hashwork] ${line}`);

const envFile = path.join(PROJECT_ROOT, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const demoAccounts = process.env.SEED_DEMO_ACCOUNTS !== "false";

let child: ChildProcess | undefined;
let stopping = false;

const database = await provideAppDatabase(log);

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database.stop();
    if (database.embedded) log("PostgreSQL stopped. Data kept in .data/postgres.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function run(args: string[]): ChildProcess {
  child = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return child;
}

function exited(process: ChildProcess): Promise<number> {
  return new Promise((resolve) => process.once("exit", (code) => resolve(code ?? 1)));
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

try {
  const applied = await migrate(database.url, { log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  const db = createPrismaClient(database.url);
  await seed(db, { demoAccounts });
  await db.$disconnect();

  if (mode === "start") {
    log("Building the app (next build)…");
    const code = await exited(run(["build"]));
    if (code !== 0) {
      log("The build failed; see above.");
      await shutdown(code);
    }
  }
  const server = run([mode, "-H", host, "-p", String(port)]);
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  void waitUntilServing(url).then(() => {
    if (stopping) return;
    const lines = [`Hashwork is running at ${url}`];
    if (demoAccounts) {
      for (const account of SEED_ACCOUNTS) lines.push(`  ${account.role.padEnd(9)} ${account.email} / ${account.password}`);
    }
    lines.push("Press Ctrl-C to stop.");
    console.log(`\n${lines.join("\n")}\n`);
  });
  await shutdown(await exited(server));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
