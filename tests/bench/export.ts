// `npm run bench:export`: builds the privacy export of one customer with a long history — 10
// contracts × 1,825 settled days (five years), one mining-reward transaction a day, the purchases
// and a top-up — through the real path (buildExport: keyset pages from PostgreSQL → JSON and CSV
// → ZIP → AES-256-GCM → a file). Prints the seconds, the process's RSS high-water mark and the
// heap, the CPU time of Node and of PostgreSQL (wall time stretches with the machine's load; CPU
// time does not), then opens the file and checks it holds every settlement. Goal: under 2 s, and
// under 100 MB of memory for the export itself (a worker process holds ~120 MB before any job:
// Node, tsx and Prisma; this bench's process holds more, having generated the data).
//   BENCH_CONTRACTS=10 BENCH_DAYS=1825 npm run bench:export
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { getHeapStatistics } from "node:v8";
import pg from "pg";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { provideTestServer } from "@/scripts/lib/test-server";
import { migrate } from "@/lib/db/migrate";
import { unzip } from "../support/zip";

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 10);
const DAYS = Number(process.env.BENCH_DAYS ?? 1_825);
const FIRST_DAY = "2021-01-01";
const GOAL_SECONDS = 2;
const GOAL_MB = 100;
const log = (line: string) => console.log(`[bench] ${line}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

Object.assign(process.env, testSecrets());
const storage = mkdtempSync(path.join(tmpdir(), "hashwork-bench-export-"));
process.env.STORAGE_DIR = storage;
const server = await provideTestServer(log);
const dbName = `hashwork_bench_export_${process.pid}`;
const url = await server.createDatabase(dbName);
await migrate(url);
process.env.DATABASE_URL = url;
// Imported after DATABASE_URL is set: the app's client reads it once.
const { db } = await import("@/lib/db");
const { buildExport, openExportForOwner } = await import("@/lib/privacy/export");

const client = new pg.Client({ connectionString: url });
await client.connect();

/** CPU seconds used so far by this database's server processes (user + system, from /proc). */
async function postgresCpuSeconds(): Promise<number> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a connection that ended meanwhile
    }
  }
  return ticks / 100;
}

try {
  log(`generating a customer with ${CONTRACTS} contracts × ${DAYS.toLocaleString("en-US")} settled days in SQL…`);
  const started = performance.now();
  const {
    rows: [customer],
  } = await client.query<{ id: string }>(`
    INSERT INTO "User" (id, email, "passwordHash", "displayName", "emailVerifiedAt", "updatedAt")
    VALUES (gen_random_uuid(), 'bench-export@example.com', 'x', 'Bench Customer', now(), now()) RETURNING id`);
  const userId = customer!.id;
  await client.query("BEGIN");
  await client.query(`
    INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh",
      "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps",
      "inventoryTh", "soldTh", "minOrderTh", "maxOrderTh", status, "updatedAt")
    VALUES (gen_random_uuid(), 'bench', 'Bench plan', 'Antminer S19 Pro', 110, 29.5, 0.06, ${DAYS}, 0.2, 0.0425,
      250, 100000, ${CONTRACTS * 100}, 1, 1000, 'on_sale', now())`);
  await client.query(
    `INSERT INTO "MarketSnapshot" (id, day, difficulty, "btcPriceCents", "blockSubsidySats", "feesPerBlockSats", source, "updatedAt")
     SELECT gen_random_uuid(), DATE '${FIRST_DAY}' + g, 148200000000000 + g::bigint * 1000000000, 9000000 + g::bigint * 1000,
       312500000, 3000000 + g * 1000, 'seed', now()
     FROM generate_series(0, ${DAYS - 1}) g`,
  );
  // Accounts: the customer's USD and BTC cash, and the platform's side of each movement.
  await client.query(
    `INSERT INTO "LedgerAccount" (id, key, "userId", kind, currency) VALUES
       (gen_random_uuid(), 'user:' || $1 || ':customer_cash:USD', $1::uuid, 'customer_cash', 'USD'),
       (gen_random_uuid(), 'user:' || $1 || ':customer_cash:BTC', $1::uuid, 'customer_cash', 'BTC'),
       (gen_random_uuid(), 'platform:bank_clearing:USD', NULL, 'bank_clearing', 'USD'),
       (gen_random_uuid(), 'platform:platform_revenue:USD', NULL, 'platform_revenue', 'USD'),
       (gen_random_uuid(), 'platform:mining_pool:BTC', NULL, 'mining_pool', 'BTC')`,
    [userId],
  );
  const account = async (key: string) =>
    (await client.query<{ id: string }>(`SELECT id FROM "LedgerAccount" WHERE key = $1`, [key])).rows[0]!.id;
  const usd = await account(`user:${userId}:customer_cash:USD`);
  const btc = await account(`user:${userId}:customer_cash:BTC`);
  const bank = await account("platform:bank_clearing:USD");
  const revenue = await account("platform:platform_revenue:USD");
  const pool = await account("platform:mining_pool:BTC");
  // A top-up of the balance, then ten orders paid from it, each with its contract.
  await client.query(
    `WITH t AS (INSERT INTO "LedgerTransaction" (id, kind, description, "createdAt")
       VALUES (gen_random_uuid(), 'admin_credit', 'Bank transfer credited', TIMESTAMPTZ '${FIRST_DAY}') RETURNING id)
     INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount, "createdAt")
     SELECT gen_random_uuid(), t.id, a, v, TIMESTAMPTZ '${FIRST_DAY}' FROM t,
       (VALUES ($1::uuid, -100000000::bigint), ($2::uuid, 100000000::bigint)) x(a, v)`,
    [bank, usd],
  );
  await client.query(
    `WITH o AS (
       INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
         "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey",
         "reservedUntil", "paidAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, (SELECT id FROM "Product"), 100, ${DAYS}, 0.2, 0.0425, 2000,
         100 * ${DAYS} * 425 / 100, 2000 + 100 * ${DAYS} * 425 / 100, 'paid', 'balance', 'bench-' || g,
         TIMESTAMPTZ '${FIRST_DAY}', TIMESTAMPTZ '${FIRST_DAY}', TIMESTAMPTZ '${FIRST_DAY}', now()
       FROM generate_series(1, ${CONTRACTS}) g RETURNING id, "productId", "totalCents")
     , c AS (
       INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
       SELECT gen_random_uuid(), o.id, $1::uuid, o."productId", 100, 250, 'active',
         TIMESTAMPTZ '${FIRST_DAY}', TIMESTAMPTZ '${FIRST_DAY}' + interval '${DAYS} days', now() FROM o RETURNING id)
     , t AS (
       INSERT INTO "LedgerTransaction" (id, kind, description, "orderId", "createdAt")
       SELECT gen_random_uuid(), 'purchase', 'Order ' || left(o.id::text, 8) || ': 100 TH', o.id, TIMESTAMPTZ '${FIRST_DAY}'
       FROM o RETURNING id, "orderId")
     INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount, "createdAt")
     SELECT gen_random_uuid(), t.id, x.a, x.sign * o."totalCents", TIMESTAMPTZ '${FIRST_DAY}'
     FROM t JOIN o ON o.id = t."orderId", (VALUES ($2::uuid, -1), ($3::uuid, 1)) x(a, sign)`,
    [userId, usd, revenue],
  );
  // One reward transaction per day (pool → customer) and a settlement row per contract and day.
  await client.query(
    `WITH days AS (SELECT s.id AS snapshot, s.day, s.difficulty, s."btcPriceCents", s."blockSubsidySats", s."feesPerBlockSats"
                   FROM "MarketSnapshot" s)
     , t AS (
       INSERT INTO "LedgerTransaction" (id, kind, description, day, "idempotencyKey", "createdAt")
       SELECT gen_random_uuid(), 'mining_reward', 'Mining reward for ' || days.day || ' (UTC)', days.day, 'reward:' || $1 || ':' || days.day,
         days.day + interval '1 day 10 minutes'
       FROM days RETURNING id, "idempotencyKey", "createdAt")
     , e AS (
       INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount, "createdAt")
       SELECT gen_random_uuid(), t.id, x.a, x.sign * ${CONTRACTS} * 1000, t."createdAt"
       FROM t, (VALUES ($2::uuid, -1), ($3::uuid, 1)) x(a, sign))
     INSERT INTO "Settlement" (id, "contractId", day, th, difficulty, "blockSubsidySats", "feesPerBlockSats", "poolFeeBps",
       "btcPriceCents", seconds, "grossSats", sats, "marketSnapshotId", "createdAt")
     SELECT gen_random_uuid(), c.id, days.day, 100, days.difficulty, days."blockSubsidySats", days."feesPerBlockSats", 250,
       days."btcPriceCents", 86400, 1026, 1000, days.snapshot, t."createdAt"
     FROM days JOIN t ON t."idempotencyKey" = 'reward:' || $1 || ':' || days.day, "Contract" c WHERE c."userId" = $1::uuid`,
    [userId, pool, btc],
  );
  await client.query("COMMIT");
  const {
    rows: [request],
  } = await client.query<{ id: string }>(
    `INSERT INTO "PrivacyRequest" (id, "userId", type, status, "dueAt", "identityVerifiedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, 'portability', 'in_progress', now() + interval '30 days', now(), now()) RETURNING id`,
    [userId],
  );
  await client.query("ANALYZE");
  const counts = (
    await client.query<{ settlements: string; transactions: string; entries: string }>(
      `SELECT (SELECT count(*) FROM "Settlement") AS settlements, (SELECT count(*) FROM "LedgerTransaction") AS transactions,
         (SELECT count(*) FROM "LedgerEntry") AS entries`,
    )
  ).rows[0]!;
  log(
    `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.settlements} settlements, ${counts.transactions} ledger transactions, ${counts.entries} entries`,
  );

  // Warm the modules and connections once on a customer with no history, as a running worker is.
  const {
    rows: [warm],
  } = await client.query<{ id: string }>(
    `WITH u AS (INSERT INTO "User" (id, email, "passwordHash", "updatedAt")
                VALUES (gen_random_uuid(), 'bench-warm@example.com', 'x', now()) RETURNING id)
     INSERT INTO "PrivacyRequest" (id, "userId", type, "dueAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'access', now() + interval '30 days', now() FROM u RETURNING id`,
  );
  await buildExport(warm!.id);
  const cpuBefore = { node: process.cpuUsage(), postgres: await postgresCpuSeconds() };
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size)), 20);
  const t0 = performance.now();
  const { exportId } = await buildExport(request!.id);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const nodeCpu = process.cpuUsage(cpuBefore.node);
  const cpuSeconds = {
    node: (nodeCpu.user + nodeCpu.system) / 1e6,
    postgres: (await postgresCpuSeconds()) - cpuBefore.postgres,
  };

  const row = await db.dataExport.findUniqueOrThrow({ where: { id: exportId } });
  const opened = await openExportForOwner(exportId, userId);
  const files = await unzip(await buffer(opened!.stream));
  const data = JSON.parse(files.get("data.json")!.toString("utf8")) as {
    settlements: unknown[];
    ledger_entries: unknown[];
  };
  const csvLines = files.get("csv/settlements.csv")!.toString("utf8").trim().split("\r\n").length - 1;
  const complete = data.settlements.length === CONTRACTS * DAYS && csvLines === CONTRACTS * DAYS;

  console.log("");
  console.log(`Export of ${CONTRACTS} contracts × ${DAYS} days: ${seconds.toFixed(2)} s (goal < ${GOAL_SECONDS} s)`);
  console.log(
    `ZIP ${mb(row.sizeBytes)} (data.json ${mb(files.get("data.json")!.length)}, ${files.size} files), encrypted at rest.`,
  );
  console.log(
    `CPU time: ${cpuSeconds.node.toFixed(2)} s in Node + ${cpuSeconds.postgres.toFixed(2)} s in PostgreSQL (the machine's load average was ${loadavg()[0]!.toFixed(1)}: wall time stretches with it, CPU time does not).`,
  );
  const rssAdded = maxRss - rssBefore;
  console.log(
    `Memory: RSS high-water ${mb(maxRss)}, of which the export added ${mb(rssAdded)} (goal < ${GOAL_MB} MB; the process held ${mb(rssBefore)} before it: Node, tsx, Prisma, the bench); heap ${mb(heapBefore)} before, peak ${mb(heapPeak)}.`,
  );
  console.log(
    `Goals: time ${seconds < GOAL_SECONDS ? "met" : "missed"}, memory ${rssAdded < GOAL_MB * 1024 * 1024 ? "met" : "missed"}.`,
  );
  console.log(
    `Complete: ${complete ? "yes" : "NO"} — ${data.settlements.length} settlements in JSON, ${csvLines} in CSV, ${data.ledger_entries.length} ledger entries.`,
  );
  if (!complete) process.exitCode = 1;
} finally {
  await client.end();
  await db.$disconnect();
  await (await import("@/lib/db/pool")).closePools();
  await server.dropDatabase(dbName).catch(() => {});
  await server.stop();
  rmSync(storage, { recursive: true, force: true });
}
