// A plain pg pool for the few things that speak SQL directly (the rate limiter's store).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";

const globalForPool = globalThis as unknown as { hashworkPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.hashworkPool) {
    globalForPool.hashworkPool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 5 });
    // An idle connection dropped by the server (a restart, a failover) is an event, not a crash:
    // without a listener pg would throw it and end the process. The pool reconnects on next use.
    globalForPool.hashworkPool.on("error", (error) =>
      logger.warn(errorFields(error), "database pool: idle connection lost"),
    );
  }
  return globalForPool.hashworkPool;
}
