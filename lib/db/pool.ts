// A plain pg pool for the few things that speak SQL directly: the rate limiter's store, the data
// export's table reads, and order placement's transaction (lib/orders/place-order.ts).
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";

const globalForPool = globalThis as unknown as { hashworkPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.hashworkPool) {
    globalForPool.hashworkPool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 10,
      // As the Prisma client's pool (lib/db/client.ts): fail instead of waiting for TCP's timeout.
      connectionTimeoutMillis: 15_000,
    });
    // An idle connection dropped by the server (a restart, a failover) is an event, not a crash:
    // without a listener pg would throw it and end the process. The pool reconnects on next use.
    globalForPool.hashworkPool.on("error", (error) =>
      logger.warn(errorFields(error), "database pool: idle connection lost"),
    );
  }
  return globalForPool.hashworkPool;
}

/**
 * Runs `work` in a transaction on one of the pool's connections: COMMIT when it returns,
 * ROLLBACK when it throws. For hot paths whose statements are already SQL (order placement):
 * each statement here costs a round trip and no more, and COMMIT follows the last one at once.
 */
export async function pgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection whose ROLLBACK failed is in an unknown state: the pool closes it.
    client.release(broken);
  }
}
