// `npm start` (production build) and `npm run dev`: a database (embedded unless DATABASE_URL is
// set), migrations, the seed, then Next.js. Ctrl-C (or SIGTERM) stops Next gracefully, then
// PostgreSQL. A PostgreSQL server left running by a run that was killed is found (its data
// folder's postmaster.pid) and stopped before this one starts. Refusals are one line.
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { prepareDatabase, PROJECT_ROOT, provideAppDatabase, type AppDatabase } from "./lib/app-database";
import type { HttpServer } from "../server/http-server";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { buildNext } from "./lib/next-server";

const mode = process.argv[2] === "dev" ? "dev" : "start";
Object.assign(process.env, { NODE_ENV: mode === "dev" ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
// The launcher talks to a person: plain lines (the server's own logs are JSON).
const say = (text: string) => process.stdout.write(`${text}\n`);
const log = (line: string) => say(`[hashwork] ${line}`);

const envFile = path.join(PROJECT_ROOT, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

let server: HttpServer | undefined;
let database: AppDatabase | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await server?.close().catch(() => {});
    await database?.stop().catch(() => {});
    if (database?.embedded) log("PostgreSQL stopped. Data kept.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  database = await provideAppDatabase(log);
  // Local runs get generated secrets; with an external database they must be provided.
  if (database.embedded) ensureLocalSecrets(log);
  process.env.DATABASE_URL = database.url;
  // Refuse to start, with a readable list, when a variable is missing or weak.
  const { SEED_DEMO_ACCOUNTS } = env();
  const { demoLogins } = await prepareDatabase(database, { demoFlag: SEED_DEMO_ACCOUNTS, log });

  // SKIP_BUILD=1 serves the build already in .next (after `npm run build`), as a restart would.
  if (mode === "start" && process.env.SKIP_BUILD !== "1") {
    log("Building the app (next build)…");
    try {
      await buildNext({ DATABASE_URL: database.url });
    } catch {
      log("The build failed; see above.");
      await shutdown(1);
    }
  }
  const { startHttpServer } = await import("../server/http-server");
  server = await startHttpServer({ dev: mode === "dev", host, port });
  const lines = [`Hashwork is running at ${server.url}`];
  for (const account of demoLogins) lines.push(`  ${account.role.padEnd(9)} ${account.email} / ${account.password}`);
  if (demoLogins.some((account) => account.role !== "customer")) {
    lines.push("  Staff pages ask the admin to turn on two-factor authentication first (any authenticator app).");
  }
  lines.push("Press Ctrl-C to stop.");
  say(`\n${lines.join("\n")}\n`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === "EADDRINUSE"
      ? `Port ${port} is in use by another program: stop it, or set PORT to another port.`
      : error instanceof Error
        ? error.message
        : String(error);
  log(message);
  await shutdown(1);
}
