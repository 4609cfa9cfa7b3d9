// Where the app's database comes from: DATABASE_URL when set, else the embedded PostgreSQL
// with its data in .data/postgres (kept across restarts).
import path from "node:path";
import { startEmbeddedPostgres } from "./postgres";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(PROJECT_ROOT, ".data");

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

export async function provideAppDatabase(log: (line: string) => void): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) {
    log("Using the PostgreSQL server in DATABASE_URL.");
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, log });
  await server.createDatabase("hashwork");
  log(`Embedded PostgreSQL is running on 127.0.0.1:${port} (data in .data/postgres).`);
  return { url: server.urlFor("hashwork"), embedded: true, stop: () => server.stop() };
}
