// A plain pg pool for the few things that speak SQL directly (the rate limiter's store).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { hashworkPool?: pg.Pool };

export function pool(): pg.Pool {
  globalForPool.hashworkPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 5 });
  return globalForPool.hashworkPool;
}
