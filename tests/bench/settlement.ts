// `npm run bench:settlement`: settles one UTC day for 100,000 active contracts through the real
// path (settleDay: one set-based statement writing settlements, ledger transactions and entries,
// checked by the ledger's triggers at commit) and compares its rows/s with a plain INSERT … SELECT
// of the same rows into the Settlement table in the same run (the floor; rolled back). Then a
// 30-day catch-up of the same contracts. Goal: ≥ 50 % of the plain rate, memory flat in the
// number of contracts.
//   BENCH_CONTRACTS=100000 BENCH_DAYS=30 npm run bench:settlement
import pg from "pg";
import { testSecrets } from "@/scripts/lib/local-secrets";
import { provideTestServer } from "@/scripts/lib/test-server";
import { migrate } from "@/lib/db/migrate";

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const FIRST_DAY = "2025-01-01";
const log = (line: string) => console.log(`[bench] ${line}`);

Object.assign(process.env, testSecrets());
const server = await provideTestServer(log);
const dbName = `hashwork_bench_settlement_${process.pid}`;
const url = await server.createDatabase(dbName);
await migrate(url);
process.env.DATABASE_URL = url;
// Imported after DATABASE_URL is set: the app's client reads it once.
const { db } = await import("@/lib/db");
const { settleDay, settleRange } = await import("@/lib/settlement/settle");
const { addDays } = await import("@/lib/time/utc-days");

const client = new pg.Client({ connectionString: url });
await client.connect();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

try {
  log(`generating ${CONTRACTS.toLocaleString("en-US")} contracts over ${DAYS + 1} days in SQL…`);
  const generation = await timed(async () => {
    await client.query(`
      INSERT INTO "Product" (id, slug, title, "machineModel", "machineHashrateThs", "efficiencyJPerTh",
        "electricityUsdPerKwh", "durationDays", "hashrateFeePerTh", "serviceFeePerThDay", "poolFeeBps",
        "inventoryTh", "minOrderTh", "maxOrderTh", status, "updatedAt")
      VALUES (gen_random_uuid(), 'bench', 'Bench plan', 'Antminer S19 Pro', 110, 29.5, 0.06, ${DAYS + 1}, 0.2, 0.0425,
        250, 100000000, 1, 1000, 'on_sale', now())`);
    await client.query(`
      INSERT INTO "User" (id, email, "passwordHash", "updatedAt")
      SELECT gen_random_uuid(), 'bench-' || g || '@example.com', 'x', now() FROM generate_series(1, 1000) g`);
    await client.query(`
      WITH u AS (SELECT id, row_number() OVER () AS n FROM "User"), p AS (SELECT id FROM "Product" LIMIT 1)
      INSERT INTO "Order" (id, "userId", "productId", th, "durationDays", "hashrateFeePerTh", "serviceFeePerThDay",
        "hashrateFeeCents", "serviceFeeCents", "totalCents", status, "paymentMethod", "idempotencyKey",
        "reservedUntil", "updatedAt")
      SELECT gen_random_uuid(), u.id, p.id, 10, ${DAYS + 1}, 0.2, 0.0425, 100, 100, 200, 'paid', 'balance',
        'bench-' || g, now(), now()
      FROM generate_series(1, ${CONTRACTS}) g JOIN u ON u.n = (g % 1000) + 1, p`);
    await client.query(`
      INSERT INTO "Contract" (id, "orderId", "userId", "productId", th, "poolFeeBps", status, "startsAt", "endsAt", "updatedAt")
      SELECT gen_random_uuid(), o.id, o."userId", o."productId", 1 + (random() * 999)::int, (random() * 500)::int,
        'active', DATE '${FIRST_DAY}'::timestamp AT TIME ZONE 'UTC',
        (DATE '${FIRST_DAY}' + ${DAYS + 1})::timestamp AT TIME ZONE 'UTC', now()
      FROM "Order" o`);
    await client.query(`
      INSERT INTO "MarketSnapshot" (id, day, difficulty, "btcPriceCents", "blockSubsidySats", "feesPerBlockSats", source, "updatedAt")
      SELECT gen_random_uuid(), DATE '${FIRST_DAY}' + g, 148200000000000 + g::bigint * 1000000000, 9000000 + g::bigint * 1000,
        312500000, 3000000 + g * 1000, 'seed', now()
      FROM generate_series(-1, ${DAYS}) g`);
    await client.query(`ANALYZE`);
  });
  log(`generated in ${generation.seconds.toFixed(1)} s`);

  // The floor: the same rows written by one plain INSERT … SELECT into the Settlement table itself
  // (its indexes, checks and foreign keys), in a transaction that is rolled back. This is what
  // writing a day's rows costs however it is done; settlement's own work is everything above it
  // (the day's figures, the outage arithmetic, the ledger). It writes the day before the
  // contracts start, which settlement never touches, and runs before and after each measured
  // step: the ratio compares a step with the floor around it, so a busy machine skews both alike.
  // Two lighter tables of the same columns show where the floor's time goes.
  const floorDay = addDays(FIRST_DAY, -1);
  const floorInsert = (table: string) => `
      INSERT INTO ${table} (id, "contractId", day, th, difficulty, "blockSubsidySats", "feesPerBlockSats",
        "poolFeeBps", "btcPriceCents", seconds, "grossSats", sats, "marketSnapshotId")
      SELECT gen_random_uuid(), c.id, s.day, c.th, s.difficulty, s."blockSubsidySats", s."feesPerBlockSats",
        c."poolFeeBps", s."btcPriceCents", 86400, 0, 0, s.id
      FROM "Contract" c, "MarketSnapshot" s WHERE s.day = DATE '${floorDay}'`;
  const floor = async () => {
    await client.query("BEGIN");
    const run = await timed(() => client.query(floorInsert(`"Settlement"`)));
    await client.query("ROLLBACK");
    return { rows: run.value.rowCount ?? 0, seconds: run.seconds };
  };
  await client.query(`CREATE TABLE bench_bare (LIKE "Settlement" INCLUDING DEFAULTS)`);
  await client.query(`CREATE TABLE bench_indexed (LIKE "Settlement" INCLUDING ALL)`);
  const bare = await timed(() => client.query(floorInsert("bench_bare")));
  const indexed = await timed(() => client.query(floorInsert("bench_indexed")));
  await client.query(`DROP TABLE bench_bare, bench_indexed`);

  // Warm up the app's connection pool on a day nobody mined, so the timing is the work alone.
  await settleDay("2000-01-01");
  const rssBefore = process.memoryUsage().rss;
  const floorBefore = await floor();
  const one = await timed(() => settleDay(FIRST_DAY));
  const settled = one.value.status === "settled" ? one.value.contracts : 0;
  const rssAfterDay = process.memoryUsage().rss;
  const floorBetween = await floor();

  const lastDay = addDays(FIRST_DAY, DAYS);
  const catchUp = await timed(() => settleRange(addDays(FIRST_DAY, 1), lastDay));
  const catchUpRows = catchUp.value.reduce((total, o) => total + (o.status === "settled" ? o.contracts : 0), 0);
  const rssAfterCatchUp = process.memoryUsage().rss;
  const floorAfter = await floor();

  const [{ rows: check }] = [
    await client.query<{ zero: boolean; settlements: string; entries: string }>(`
      SELECT (SELECT bool_and(t = 0) FROM (SELECT SUM(e.amount) AS t FROM "LedgerEntry" e
                JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY a.currency) z) AS zero,
             (SELECT count(*) FROM "Settlement")::text AS settlements,
             (SELECT count(*) FROM "LedgerEntry")::text AS entries`),
  ];
  const rate = (rows: number, seconds: number) => rows / seconds;
  const mean = (...runs: { rows: number; seconds: number }[]) =>
    runs.reduce((total, run) => total + rate(run.rows, run.seconds), 0) / runs.length;
  const oneDayFloor = mean(floorBefore, floorBetween);
  const catchUpFloor = mean(floorBetween, floorAfter);
  const table = [
    {
      step: "plain INSERT … SELECT, bare table (no indexes, no keys)",
      rows: bare.value.rowCount ?? 0,
      seconds: bare.seconds,
      floor: oneDayFloor,
    },
    {
      step: "plain INSERT … SELECT, Settlement's indexes, no keys",
      rows: indexed.value.rowCount ?? 0,
      seconds: indexed.seconds,
      floor: oneDayFloor,
    },
    { step: "floor: plain INSERT … SELECT into Settlement, before", ...floorBefore, floor: oneDayFloor },
    { step: "settleDay, one day", rows: settled, seconds: one.seconds, floor: oneDayFloor },
    { step: "floor, between", ...floorBetween, floor: catchUpFloor },
    { step: `catch-up, ${DAYS} days`, rows: catchUpRows, seconds: catchUp.seconds, floor: catchUpFloor },
    { step: "floor, after", ...floorAfter, floor: catchUpFloor },
  ];
  console.log("");
  console.log("| step | contract-days | seconds | rows/s | of floor |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const row of table)
    console.log(
      `| ${row.step} | ${row.rows.toLocaleString("en-US")} | ${row.seconds.toFixed(2)} | ${Math.round(rate(row.rows, row.seconds)).toLocaleString("en-US")} | ${((100 * rate(row.rows, row.seconds)) / row.floor).toFixed(0)} % |`,
    );
  console.log("");
  console.log(
    `One day: ${((100 * rate(settled, one.seconds)) / oneDayFloor).toFixed(0)} % of the floor around it; catch-up: ${((100 * rate(catchUpRows, catchUp.seconds)) / catchUpFloor).toFixed(0)} % (goal ≥ 50 %).`,
  );
  console.log("");
  console.log(
    `Each contract-day writes a settlement row (3 indexes, 2 foreign keys, a check); each customer-day a ledger transaction and 2 entries, checked by the zero-sum trigger. The floor writes the same rows into Settlement itself and rolls them back.`,
  );
  console.log(
    `Node RSS: ${mb(rssBefore)} before, ${mb(rssAfterDay)} after one day, ${mb(rssAfterCatchUp)} after the catch-up (the work stays in PostgreSQL).`,
  );
  console.log(
    `Ledger zero-sum per currency: ${check[0]?.zero ? "yes" : "NO"}; settlements ${check[0]?.settlements}, entries ${check[0]?.entries}.`,
  );
  if (!check[0]?.zero || settled !== CONTRACTS || catchUpRows !== CONTRACTS * DAYS) process.exitCode = 1;
} finally {
  await client.end();
  await db.$disconnect();
  await server.dropDatabase(dbName).catch(() => {});
  await server.stop();
}
