// `npm run bench:scale`: the console's and the dashboard's lists at scale. Seeds 100,000
// customers, 1,000,000 orders and 10,000,000 ledger entries (plus audit entries, KYC cases and
// contracts) in SQL, in a scratch database, then times the first and a deep page of each list,
// the wallet of a customer with 20,000 entries and the admin overview — through the same query
// functions the pages call. Prints p50/p95 per page (goal: p95 < 100 ms) and the query plans
// (EXPLAIN ANALYZE) of any page over it.
//   BENCH_SCALE=0.1 npm run bench:scale     a tenth of the rows, for a quick look
import { availableParallelism, loadavg } from "node:os";
import pg from "pg";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { provideTestServer } from "@/scripts/lib/test-server";
import { migrate } from "@/lib/db/migrate";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CUSTOMERS = Math.round(100_000 * SCALE);
const ORDERS = Math.round(1_000_000 * SCALE);
const TRANSACTIONS = Math.round(5_000_000 * SCALE); // two entries each
const AUDIT = Math.round(500_000 * SCALE);
const WHALE_ENTRIES = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 100;
const log = (line: string) => console.log(`[bench] ${line}`);

Object.assign(process.env, testSecrets());
const server = await provideTestServer(log);
{
  // A run stopped half-way leaves its database behind: drop those first (gigabytes each).
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  const stale = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'hashwork_bench_scale_%'`,
  );
  await admin.end();
  for (const { datname } of stale.rows) await server.dropDatabase(datname);
}
const dbName = `hashwork_bench_scale_${process.pid}`;
const url = await server.createDatabase(dbName);
await migrate(url);
process.env.DATABASE_URL = url;

// The app's client, with its queries reported, so a slow page's SQL can be explained. lib/db
// picks up a client left on globalThis, so the query functions below run on this one.
type QueryEvent = { query: string; params: string; duration: number };
const captured: QueryEvent[] = [];
const withEvents = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url }),
  omit: { user: { passwordHash: true, totpSecretEnc: true } },
  log: [{ emit: "event", level: "query" }],
});
withEvents.$on("query", (event) => {
  captured.push({ query: event.query, params: event.params, duration: event.duration });
});
(globalThis as unknown as { hashworkDb: unknown }).hashworkDb = withEvents;

const { db } = await import("@/lib/db");
const { usersForStaff } = await import("@/lib/users/queries");
const { ordersForStaff, ownOrders } = await import("@/lib/orders/queries");
const { auditEntries } = await import("@/lib/activity/queries");
const { kycQueue } = await import("@/lib/kyc/queries");
const { btcHistory } = await import("@/lib/ledger/queries");
const { consoleOverview } = await import("@/lib/console/queries");
const { instantCursor } = await import("@/lib/pagination");

const sql = new pg.Client({ connectionString: url });
await sql.connect();

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Runs one statement, logging how long it took. */
async function step(label: string, statement: string) {
  const { ms } = await timed(() => sql.query(statement));
  log(`${label}: ${(ms / 1000).toFixed(1)} s`);
}

const uid = (expr: string) => `md5('u' || (${expr}))::uuid`;
// Ids that grow with the row number: the primary keys of the big tables are appended to, not
// written at random places (uuids are 128-bit numbers; these are just small ones).
const seqId = (prefix: number, expr: string) => `lpad(to_hex(${prefix}::bigint << 40 | (${expr})), 32, '0')::uuid`;
const WHALE = uid("0");

async function seed() {
  // Bulk load: triggers and foreign keys off for this session (the data is made consistent by
  // construction), and the big tables' indexes built once after the load instead of per row.
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(`SET maintenance_work_mem = '512MB'`);
  await sql.query(`SET synchronous_commit = off`);
  const indexes = await sql.query<{ table: string; name: string; def: string; constraint: boolean }>(`
    SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS def,
           EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) AS constraint
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname IN ('LedgerEntry', 'LedgerTransaction', 'Order', 'AuditLog') AND NOT x.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`);
  for (const index of indexes.rows) await sql.query(`DROP INDEX "${index.name}"`);

  await step(
    "products",
    `INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh",
       "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps",
       "inventoryTh", "soldTh", "minOrderTh", "maxOrderTh", status, "sortOrder", "updatedAt")
     SELECT md5('p' || g)::uuid, 'plan-' || g, 'Antminer S19 Pro · ' || (g * 30) || ' days', 'Antminer S19 Pro',
       110, 29.5, 0.06, g * 30, 0.2, 0.0425, 250, 10000000, g * 1000000, 1, 100000, 'on_sale', g, now()
     FROM generate_series(1, 5) g`,
  );
  await step(
    `${CUSTOMERS.toLocaleString("en-US")} customers`,
    `INSERT INTO "User" (id, email, "displayName", "passwordHash", "emailVerifiedAt", role, status, "createdAt", "updatedAt")
     SELECT ${uid("g")}, 'customer-' || lpad(g::text, 6, '0') || '@example.com',
       (ARRAY['Ana','Bruno','Chen','Dara','Emil','Fatima','Goran','Hana'])[1 + g % 8] || ' ' ||
       (ARRAY['Lima','Meyer','Okafor','Novak','Silva','Tanaka','Weber'])[1 + g % 7] || ' ' || g,
       'x', now(), 'customer', CASE WHEN g % 500 = 0 THEN 'restricted'::"UserStatus" ELSE 'active' END,
       now() - (g * interval '7 minutes'), now()
     FROM generate_series(0, ${CUSTOMERS}) g`,
  );
  await step(
    `${ORDERS.toLocaleString("en-US")} orders`,
    `INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
       "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey",
       "reservedUntil", "paidAt", "createdAt", "updatedAt")
     SELECT ${seqId(1, "g")},
       CASE WHEN g % 500 = 0 THEN ${WHALE} ELSE ${uid(`1 + g % ${CUSTOMERS}`)} END,
       md5('p' || (1 + g % 5))::uuid, 1 + g % 50, 30, 0.2, 0.0425, 20, 128, 148,
       (CASE WHEN g % 10 < 7 THEN 'paid' WHEN g % 10 < 9 THEN 'expired' ELSE 'cancelled' END)::"OrderStatus",
       'balance', 'bench-' || g, now() - (g * interval '1 minute') + interval '30 minutes',
       CASE WHEN g % 10 < 7 THEN now() - (g * interval '1 minute') END,
       now() - (g * interval '1 minute'), now()
     FROM generate_series(1, ${ORDERS}) g`,
  );
  await step(
    "contracts of the last 90 days' paid orders",
    `INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
     SELECT md5('c' || o.id)::uuid, o.id, o."userId", o."productId", o.th, 250,
       CASE WHEN o."createdAt" > now() - interval '30 days' THEN 'active'::"ContractStatus" ELSE 'completed' END,
       o."createdAt" + interval '1 day', o."createdAt" + interval '31 days', now()
     FROM "Order" o WHERE o.status = 'paid' AND o."createdAt" > now() - interval '90 days'`,
  );
  await step(
    "ledger accounts",
    `INSERT INTO "LedgerAccount" (id, key, "userId", kind, currency)
     SELECT md5('a' || g)::uuid, 'user:' || ${uid("g")} || ':customer_cash:BTC', ${uid("g")},
       'customer_cash'::"LedgerAccountKind", 'BTC'::"Currency"
     FROM generate_series(0, ${CUSTOMERS}) g
     UNION ALL SELECT md5('pool')::uuid, 'platform:mining_pool:BTC', NULL, 'mining_pool', 'BTC'`,
  );
  // Transaction g credits customer (g % customers) — or the whale for the first 20,000 — from the pool.
  const owner = `CASE WHEN g <= ${WHALE_ENTRIES} THEN 0 ELSE 1 + g % ${CUSTOMERS} END`;
  const at = `now() - (g * interval '3 seconds')`;
  await step(
    `${TRANSACTIONS.toLocaleString("en-US")} ledger transactions`,
    `INSERT INTO "LedgerTransaction" (id, kind, description, "createdAt")
     SELECT ${seqId(2, "g")}, 'mining_reward', 'Mining reward', ${at}
     FROM generate_series(1, ${TRANSACTIONS}) g`,
  );
  await step(
    `${(2 * TRANSACTIONS).toLocaleString("en-US")} ledger entries`,
    `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount, "createdAt")
     SELECT ${seqId(3, "g * 2 + side")}, ${seqId(2, "g")},
       CASE WHEN side = 1 THEN md5('a' || (${owner}))::uuid ELSE md5('pool')::uuid END,
       CASE WHEN side = 1 THEN 1000 + g % 5000 ELSE -(1000 + g % 5000) END, ${at}
     FROM generate_series(1, ${TRANSACTIONS}) g, (VALUES (1), (2)) s(side)`,
  );
  await step(
    `${AUDIT.toLocaleString("en-US")} audit entries`,
    `INSERT INTO "AuditLog" (id, "actorId", action, "targetType", "targetId", "createdAt")
     SELECT ${seqId(4, "g")}, ${uid("0")},
       (ARRAY['kyc.approve','user.access.update','ledger.credit','withdrawal.pay','product.update'])[1 + g % 5],
       'user', (${uid(`1 + g % ${CUSTOMERS}`)})::text, now() - (g * interval '1 minute')
     FROM generate_series(1, ${AUDIT}) g`,
  );
  await step(
    "KYC cases",
    `INSERT INTO "KycCase" (id, "userId", status, flagged, "submittedAt", "updatedAt")
     SELECT md5('k' || g)::uuid, ${uid("g")},
       (CASE WHEN g % 20 = 0 THEN 'pending' WHEN g % 50 = 1 THEN 'rejected' ELSE 'approved' END)::"KycStatus",
       g % 100 = 0, now() - (g * interval '5 minutes'), now()
     FROM generate_series(1, ${CUSTOMERS}) g`,
  );
  const built = await timed(async () => {
    for (const index of indexes.rows) await sql.query(index.def);
  });
  log(`rebuilt ${indexes.rows.length} indexes: ${(built.ms / 1000).toFixed(1)} s`);
  await sql.query(`SET session_replication_role = origin`);
  await step("VACUUM ANALYZE", `VACUUM ANALYZE`);
}

type Case = { name: string; run: () => Promise<unknown> };

/** The cursor of the page that starts `offset` rows into a list, read with the list's own order. */
async function cursorAt(query: string, offset: number): Promise<string> {
  const { rows } = await sql.query<{ at: Date; id: string }>(`${query} OFFSET ${offset} LIMIT 1`);
  if (!rows[0]) throw new Error(`No row at ${offset}: ${query}`);
  return instantCursor.encode({ key: rows[0].at, id: rows[0].id }, "after");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function explain(event: QueryEvent): Promise<string> {
  let params: unknown[] = [];
  try {
    params = JSON.parse(event.params) as unknown[];
  } catch {
    params = [];
  }
  try {
    const { rows } = await sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${event.query}`,
      params,
    );
    // Long IN (…) lists of ids say nothing about the plan: cut them short.
    return rows.map((row) => row["QUERY PLAN"].replace(/'\{[^}]{120,}\}'/g, "'{…}'")).join("\n");
  } catch (error) {
    return `(could not explain: ${error instanceof Error ? error.message : String(error)})\n${event.query}`;
  }
}

process.on("SIGINT", () => {
  void sql
    .end()
    .then(() => server.dropDatabase(dbName))
    .finally(() => server.stop().finally(() => process.exit(130)));
});

try {
  const seeded = await timed(seed);
  const counts = await sql.query<{ users: string; orders: string; entries: string; audit: string }>(`
    SELECT (SELECT count(*) FROM "User")::text AS users, (SELECT count(*) FROM "Order")::text AS orders,
           (SELECT count(*) FROM "LedgerEntry")::text AS entries, (SELECT count(*) FROM "AuditLog")::text AS audit`);
  log(
    `seeded in ${(seeded.ms / 1000).toFixed(0)} s: ${Number(counts.rows[0]!.users).toLocaleString("en-US")} users, ` +
      `${Number(counts.rows[0]!.orders).toLocaleString("en-US")} orders, ${Number(counts.rows[0]!.entries).toLocaleString("en-US")} ledger entries, ` +
      `${Number(counts.rows[0]!.audit).toLocaleString("en-US")} audit entries`,
  );
  const whale = (await sql.query<{ id: string }>(`SELECT ${WHALE} AS id`)).rows[0]!.id;
  const whaleAccount = `(SELECT id FROM "LedgerAccount" WHERE key = 'user:${whale}:customer_cash:BTC')`;

  const deep = {
    users: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "User" ORDER BY "createdAt" DESC, id DESC`,
      Math.floor(CUSTOMERS * 0.9),
    ),
    orders: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "Order" ORDER BY "createdAt" DESC, id DESC`,
      Math.floor(ORDERS * 0.9),
    ),
    paidOrders: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "Order" WHERE status = 'paid' ORDER BY "createdAt" DESC, id DESC`,
      Math.floor(ORDERS * 0.6),
    ),
    audit: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "AuditLog" ORDER BY "createdAt" DESC, id DESC`,
      Math.floor(AUDIT * 0.9),
    ),
    kyc: await cursorAt(
      `SELECT "submittedAt" AS at, id FROM "KycCase" WHERE status = 'approved' ORDER BY "submittedAt", id`,
      Math.floor(CUSTOMERS * 0.8),
    ),
    whaleOrders: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "Order" WHERE "userId" = '${whale}' ORDER BY "createdAt" DESC, id DESC`,
      Math.floor(ORDERS / 500) - 10,
    ),
    whaleWallet: await cursorAt(
      `SELECT "createdAt" AS at, id FROM "LedgerEntry" WHERE "accountId" = ${whaleAccount} ORDER BY "createdAt" DESC, id DESC`,
      WHALE_ENTRIES - 60,
    ),
  };

  const cases: Case[] = [
    { name: "admin users, first page", run: () => usersForStaff({}) },
    { name: "admin users, deep page (90 %)", run: () => usersForStaff({}, deep.users) },
    { name: "admin users, email prefix search", run: () => usersForStaff({ q: "customer-0421" }) },
    { name: "admin users, name search", run: () => usersForStaff({ q: "okafor 4211" }) },
    { name: "admin users, restricted", run: () => usersForStaff({ status: "restricted" }) },
    { name: "admin orders, first page", run: () => ordersForStaff({}) },
    { name: "admin orders, deep page (90 %)", run: () => ordersForStaff({}, deep.orders) },
    { name: "admin orders, paid, deep page", run: () => ordersForStaff({ status: "paid" }, deep.paidOrders) },
    { name: "admin orders, by customer email", run: () => ordersForStaff({ customer: "customer-004211@example.com" }) },
    { name: "admin orders, active contracts", run: () => ordersForStaff({ contract: "active" }) },
    { name: "audit log, first page", run: () => auditEntries({}) },
    { name: "audit log, deep page (90 %)", run: () => auditEntries({}, deep.audit) },
    { name: "audit log, action prefix", run: () => auditEntries({ action: "withdrawal." }) },
    { name: "KYC queue, waiting", run: () => kycQueue("pending") },
    { name: "KYC queue, approved, deep page", run: () => kycQueue("approved", deep.kyc) },
    { name: "customer orders, first page", run: () => ownOrders(whale) },
    { name: "customer orders, deep page", run: () => ownOrders(whale, deep.whaleOrders) },
    { name: "wallet (20,000 entries), first page", run: () => btcHistory(whale) },
    { name: "wallet (20,000 entries), deep page", run: () => btcHistory(whale, deep.whaleWallet) },
    { name: "admin overview", run: () => consoleOverview() },
  ];

  const results: { name: string; p50: number; p95: number; queries: QueryEvent[] }[] = [];
  for (const benchCase of cases) {
    await benchCase.run(); // warm up: plans, caches
    const times: number[] = [];
    let queries: QueryEvent[] = [];
    for (let run = 0; run < RUNS; run++) {
      captured.length = 0;
      times.push((await timed(benchCase.run)).ms);
      queries = [...captured];
    }
    times.sort((a, b) => a - b);
    results.push({ name: benchCase.name, p50: percentile(times, 50), p95: percentile(times, 95), queries });
  }

  console.log("");
  console.log(`| page | p50 ms | p95 ms | < ${GOAL_MS} ms |`);
  console.log("| --- | ---: | ---: | :---: |");
  for (const row of results)
    console.log(
      `| ${row.name} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p95 < GOAL_MS ? "yes" : "NO"} |`,
    );
  console.log(
    `\n${RUNS} runs each after one warm-up, through the app's query functions on one connection pool. ` +
      `Load average during the run: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(", ")} on ${availableParallelism()} cores ` +
      `(other work on the machine inflates every figure).`,
  );

  const slow = results.filter((row) => row.p95 >= GOAL_MS);
  for (const row of slow) {
    console.log(`\n## ${row.name}: p95 ${row.p95.toFixed(1)} ms — the plans of its queries\n`);
    for (const query of [...row.queries].sort((a, b) => b.duration - a.duration).slice(0, 3)) {
      console.log(`-- ${query.duration} ms\n${await explain(query)}\n`);
    }
  }
  if (slow.length > 0) process.exitCode = 1;
} finally {
  await sql.end();
  await db.$disconnect();
  await server.dropDatabase(dbName).catch(() => {});
  await server.stop();
}
