// Where the app's database comes from: DATABASE_URL when set, else the embedded PostgreSQL
// with its data in .data/postgres (kept across restarts). And what every start does to it.
import path from "node:path";
import { createPrismaClient } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { lockPublishedDemoLogins, seed, wantsDemoAccounts, workingDemoLogins } from "../../prisma/seed";
import type { SeedAccount } from "../../prisma/seed-data";
import { startEmbeddedPostgres } from "./postgres";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
// HASHWORK_DATA_DIR moves it (the fault drills run a launcher on a folder of their own).
export const DATA_DIR = path.resolve(process.env.HASHWORK_DATA_DIR ?? path.join(PROJECT_ROOT, ".data"));

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

export async function provideAppDatabase(log: (line: string) => void): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) {
    log("Using the PostgreSQL server in DATABASE_URL.");
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, log });
  await server.createDatabase("hashwork");
  log(
    `Embedded PostgreSQL is running on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), DATA_DIR) || "."}/postgres).`,
  );
  return { url: server.urlFor("hashwork"), embedded: true, stop: () => server.stop() };
}

/**
 * Migrates and seeds the database. Demo logins go only into the embedded development database
 * (or wherever SEED_DEMO_ACCOUNTS=true asks for them); returns the ones that work, to print.
 */
export async function prepareDatabase(
  database: Pick<AppDatabase, "url" | "embedded">,
  { demoFlag, log }: { demoFlag: "true" | "false" | undefined; log: (line: string) => void },
): Promise<{ demoLogins: SeedAccount[] }> {
  const applied = await migrate(database.url, { log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  const db = createPrismaClient(database.url);
  try {
    const demoAccounts = wantsDemoAccounts({ embedded: database.embedded, flag: demoFlag });
    await seed(db, { demoAccounts });
    if (!demoAccounts) {
      for (const email of await lockPublishedDemoLogins(db)) {
        log(`Locked the demo login ${email}: its password is published. Reset it by email to use the account.`);
      }
      return { demoLogins: [] };
    }
    return { demoLogins: await workingDemoLogins(db) };
  } finally {
    await db.$disconnect();
  }
}
