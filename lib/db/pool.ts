// Plain pg pools for the few things that speak SQL directly: order placement's transaction
// (lib/orders/place-order.ts) and the data export's table reads, and the rate limiter's store.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";

const globalForPool = globalThis as unknown as { hashworkPool?: pg.Pool; hashworkCounterPool?: pg.Pool };

function newPool(max: number, options?: string): pg.Pool {
  const created = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max,
    options,
    // As the Prisma client's pool (lib/db/client.ts): fail instead of waiting for TCP's timeout.
    connectionTimeoutMillis: 15_000,
  });
  // An idle connection dropped by the server (a restart, a failover) is an event, not a crash:
  // without a listener pg would throw it and end the process. The pool reconnects on next use.
  created.on("error", (error) => logger.warn(errorFields(error), "database pool: idle connection lost"));
  return created;
}

export function pool(): pg.Pool {
  return (globalForPool.hashworkPool ??= newPool(10));
}

/**
 * The rate limiter's pool. Its commits do not wait for the disk (synchronous_commit off): a
 * crash may forget the last fraction of a second of counted attempts, which costs nothing,
 * while every placement and sign-in would otherwise wait for one more flush.
 */
export function counterPool(): pg.Pool {
  return (globalForPool.hashworkCounterPool ??= newPool(5, "-c synchronous_commit=off"));
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

/** Closes the pools this process opened (scripts and tests that end on their own). */
export async function closePools(): Promise<void> {
  const open = [globalForPool.hashworkPool, globalForPool.hashworkCounterPool];
  globalForPool.hashworkPool = globalForPool.hashworkCounterPool = undefined;
  await Promise.all(open.map((each) => each?.end()));
}
