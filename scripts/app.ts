// `npm start` (production build) and `npm run dev`: a database (embedded unless DATABASE_URL is
// set), migrations, the seed, then Next.js. Ctrl-C stops Next and PostgreSQL cleanly.
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { env } from "../lib/env";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { SEED_ACCOUNTS } from "../prisma/seed-data";
import { PROJECT_ROOT, provideAppDatabase } from "./lib/app-database";
import type { HttpServer } from "./lib/http-server";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { buildNext } from "./lib/next-server";

const mode = process.argv[2] === "dev" ? "dev" : "start";
Object.assign(process.env, { NODE_ENV: mode === "dev" ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
const log = (line: string) => console.log(`[hashwork] ${line}`);

const envFile = path.join(PROJECT_ROOT, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const demoAccounts = process.env.SEED_DEMO_ACCOUNTS !== "false";

let server: HttpServer | undefined;
let stopping = false;

const database = await provideAppDatabase(log);
// Local runs get generated secrets; with an external database they must be provided.
if (database.embedded) ensureLocalSecrets(log);

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await server?.close().catch(() => {});
    await database.stop();
    if (database.embedded) log("PostgreSQL stopped. Data kept in .data/postgres.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  process.env.DATABASE_URL = database.url;
  env(); // refuse to start, with a readable list, when a variable is missing or weak
  const applied = await migrate(database.url, { log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  const db = createPrismaClient(database.url);
  await seed(db, { demoAccounts });
  await db.$disconnect();

  if (mode === "start") {
    log("Building the app (next build)…");
    try {
      await buildNext({ DATABASE_URL: database.url });
    } catch {
      log("The build failed; see above.");
      await shutdown(1);
    }
  }
  const { startHttpServer } = await import("./lib/http-server");
  server = await startHttpServer({ dev: mode === "dev", host, port });
  const lines = [`Hashwork is running at ${server.url}`];
  if (demoAccounts) {
    for (const account of SEED_ACCOUNTS) lines.push(`  ${account.role.padEnd(9)} ${account.email} / ${account.password}`);
  }
  lines.push("Press Ctrl-C to stop.");
  console.log(`\n${lines.join("\n")}\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
