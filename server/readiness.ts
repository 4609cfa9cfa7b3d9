// What `GET /api/ready` reports: whether this instance can serve — the database answers and
// every migration this build ships has been applied. A load balancer sends traffic only to ready
// instances; the same check tells the server when the database is down, so requests get a clean
// 503 with a retry message instead of an error page.
import pg from "pg";
import { readMigrations } from "../lib/db/migrate";

export type Readiness = { ready: true } | { ready: false; reason: string };

export type ReadinessProbe = {
  check(): Promise<Readiness>;
  /** The last result (refreshed by check), for request paths that must not wait. */
  readonly databaseDown: boolean;
  /** When the database was last found unreachable (0: never). */
  readonly lastDownAt: number;
  close(): Promise<void>;
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createReadinessProbe(connectionString: string): ReadinessProbe {
  // The migrations of this build, read once: the build is what must match the database.
  const shipped = readMigrations();
  // One connection of its own, so a saturated app pool does not make the instance look dead.
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 10_000,
    statement_timeout: 2_000,
    // Client-side too: a connection the server dropped without a word (a restart, a failover)
    // would otherwise leave the query, and every probe waiting on it, hanging for good.
    query_timeout: 2_500,
  });
  pool.on("error", () => {}); // a dropped idle connection shows up in the next check
  let databaseDown = false;
  let lastDownAt = 0;
  let inFlight: Promise<Readiness> | null = null;

  async function run(): Promise<Readiness> {
    let applied: Map<string, string>;
    try {
      const { rows } = await withTimeout(
        pool.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        ),
        3_000,
      );
      applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      databaseDown = false;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42P01: the table does not exist, i.e. the database was never migrated.
      if (code === "42P01") {
        databaseDown = false;
        return { ready: false, reason: "the database has no migrations applied" };
      }
      databaseDown = true;
      lastDownAt = Date.now();
      return { ready: false, reason: "the database is unreachable" };
    }
    const pending = shipped.filter((migration) => !applied.has(migration.name));
    if (pending.length > 0) {
      return { ready: false, reason: `${pending.length} migration(s) not applied, first ${pending[0]!.name}` };
    }
    const edited = shipped.filter((migration) => applied.get(migration.name) !== migration.checksum);
    if (edited.length > 0) return { ready: false, reason: `migration ${edited[0]!.name} differs from the applied one` };
    // Migrations newer than this build are fine: a rolling deploy migrates first (additive
    // changes only) and the previous version keeps serving until it is replaced.
    return { ready: true };
  }

  return {
    check() {
      // Concurrent probes share one query.
      inFlight ??= run().finally(() => (inFlight = null));
      return inFlight;
    },
    get databaseDown() {
      return databaseDown;
    },
    get lastDownAt() {
      return lastDownAt;
    },
    close: () => withTimeout(pool.end(), 1_000).catch(() => {}),
  };
}
