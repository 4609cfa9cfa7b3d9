// Daily settlement (docs/product-rules.md §5): each contract running on a UTC day is credited
//   floor( H × seconds mined × (S + F) / (D × 2³²) × (1 − pool fee) )
// satoshis from the mining pool into its owner's BTC account, with one Settlement row holding
// every input. A day is settled by a handful of set-based statements for all contracts at once,
// never a query per contract, so the cost grows with rows written, not round trips.
//
// Exactness: the sum is done in PostgreSQL `numeric` and rounded down once with `div`, which
// truncates exactly (no intermediate rounding), so it agrees with lib/mining/expected-output.ts
// to the satoshi. A partial day (the term starting or ending inside it, outage time) mines for
// fewer seconds; the formula's 86,400 becomes those seconds.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accountId } from "@/lib/ledger/ledger";
import { addDays, utcDay } from "@/lib/time/utc-days";
import { logger } from "@/lib/log/logger";

type Tx = Prisma.TransactionClient;

export type DayOutcome =
  | { day: string; status: "settled"; contracts: number; sats: bigint }
  | { day: string; status: "no_snapshot"; contracts: number }
  | { day: string; status: "not_over" };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function assertDay(day: string): void {
  if (!DAY_RE.test(day) || utcDay(new Date(`${day}T00:00:00Z`)) !== day) throw new RangeError(`Not a day: ${day}`);
}

/**
 * Serialises everything that writes one day's settlements or changes its market data: two
 * workers settling the same day, or an admin correcting it meanwhile, take turns. The second
 * finds the first one's rows and writes nothing (the unique (contract, day) key backs this up).
 */
export async function lockDay(tx: Tx, day: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(872401, (${day}::date - DATE '2000-01-01'))`;
}

/** Settles one finished UTC day for every contract that ran on it and is not settled for it yet. */
export async function settleDay(day: string, now = new Date()): Promise<DayOutcome> {
  assertDay(day);
  if (day >= utcDay(now)) return { day, status: "not_over" };
  return db.$transaction(
    async (tx) => {
      await lockDay(tx, day);
      const snapshot = await tx.marketSnapshot.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) } });
      if (!snapshot) {
        // Never guess the day's figures: report how many contracts wait for them.
        const [waiting] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "Contract" c
          WHERE c."startsAt" < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')
            AND c."endsAt" > (${day}::date::timestamp AT TIME ZONE 'UTC')
            AND NOT EXISTS (SELECT 1 FROM "Settlement" s WHERE s."contractId" = c.id AND s.day = ${day}::date)`;
        return { day, status: "no_snapshot", contracts: waiting?.n ?? 0 };
      }
      const pool = await accountId(tx, { kind: "mining_pool", currency: "BTC" });
      // Every owner's BTC account exists before the entries that reference it are written.
      await tx.$executeRaw`
        INSERT INTO "LedgerAccount" (id, key, "userId", kind, currency)
        SELECT gen_random_uuid(), 'user:' || u."userId" || ':customer_cash:BTC', u."userId", 'customer_cash', 'BTC'
        FROM (SELECT DISTINCT c."userId" FROM "Contract" c
              WHERE c."startsAt" < ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')
                AND c."endsAt" > (${day}::date::timestamp AT TIME ZONE 'UTC')) u
        ON CONFLICT (key) DO NOTHING`;
      // One statement for the whole day: the day's figures for every contract not yet settled
      // for it (computed once, kept in memory), the settlement rows, and the ledger: per customer
      // one transaction and two entries. The day's lock makes the list exact: nobody else settles
      // the day meanwhile, and the unique (contract, day) key turns any surprise into an error
      // that rolls the day back rather than a second credit. The foreign keys and the ledger's
      // zero-sum check run after the statement, so the order of the writes is free.
      await tx.$executeRaw`SET LOCAL work_mem = '128MB'`;
      const [result] = await tx.$queryRaw<{ contracts: number; sats: bigint }[]>`
        WITH b AS (
          SELECT ${day}::date AS d,
                 (${day}::date::timestamp AT TIME ZONE 'UTC') AS s,
                 ((${day}::date + 1)::timestamp AT TIME ZONE 'UTC') AS e
        ),
        -- The day's figures, with the parts of the formula that do not depend on the contract
        -- worked out once: output = th × seconds × k / den, and × (10000 − bps) / den_fee net.
        snap AS (
          SELECT s.id, s.difficulty, s."blockSubsidySats" AS subsidy, s."feesPerBlockSats" AS fees,
                 s."btcPriceCents" AS price,
                 1000000000000::numeric * (s."blockSubsidySats" + s."feesPerBlockSats") AS k,
                 s.difficulty * 4294967296 AS den,
                 s.difficulty * 4294967296 * 10000 AS den_fee
          FROM "MarketSnapshot" s, b WHERE s.day = b.d
        ),
        run AS (
          SELECT c.id AS contract_id, c."userId" AS user_id, c.th, c."poolFeeBps" AS bps, c."startsAt", c."endsAt"
          FROM "Contract" c, b
          WHERE c."startsAt" < b.e AND c."endsAt" > b.s
            AND NOT EXISTS (SELECT 1 FROM "Settlement" x WHERE x."contractId" = c.id AND x.day = b.d)
        ),
        -- Outage time per contract, only for the few contracts an outage touched.
        down AS (
          SELECT ce."contractId" AS contract_id, range_agg(tstzrange(o."startedAt", o."endedAt")) AS ranges
          FROM "ContractExtension" ce JOIN "Outage" o ON o.id = ce."outageId", b
          WHERE o."startedAt" < b.e AND o."endedAt" > b.s
          GROUP BY ce."contractId"
        ),
        -- Seconds mined: a whole day for most contracts; the term inside the day minus outage
        -- time for the rest.
        mined AS (
          SELECT run.contract_id, run.user_id, run.th, run.bps,
                 CASE WHEN down.ranges IS NULL AND run."startsAt" <= b.s AND run."endsAt" >= b.e THEN 86400
                 ELSE floor(
                   extract(epoch FROM least(run."endsAt", b.e) - greatest(run."startsAt", b.s))
                   - CASE WHEN down.ranges IS NULL THEN 0 ELSE coalesce((
                       SELECT sum(extract(epoch FROM upper(piece) - lower(piece)))
                       FROM unnest(down.ranges * tstzmultirange(tstzrange(greatest(run."startsAt", b.s),
                                                                           least(run."endsAt", b.e)))) AS piece
                     ), 0) END)::int
                 END AS seconds
          FROM run CROSS JOIN b LEFT JOIN down ON down.contract_id = run.contract_id
        ),
        batch AS MATERIALIZED (
          SELECT m.*, b.d AS day, s.id AS snapshot_id, s.difficulty, s.subsidy, s.fees, s.price,
                 div((m.th::bigint * m.seconds)::numeric * s.k, s.den)::bigint AS gross,
                 div((m.th::bigint * m.seconds * (10000 - m.bps))::numeric * s.k, s.den_fee)::bigint AS net
          FROM mined m, b, snap s
        ),
        ins AS (
          INSERT INTO "Settlement" (id, "contractId", day, th, difficulty, "blockSubsidySats", "feesPerBlockSats",
                                    "poolFeeBps", "btcPriceCents", seconds, "grossSats", sats, "marketSnapshotId")
          SELECT gen_random_uuid(), contract_id, day, th, difficulty, subsidy, fees, bps, price, seconds, gross, net,
                 snapshot_id
          FROM batch
        ),
        -- One reward transaction per customer and day, whatever the number of contracts.
        owed AS MATERIALIZED (
          SELECT user_id, gen_random_uuid() AS tx_id, sats
          FROM (SELECT user_id, SUM(net)::bigint AS sats FROM batch WHERE net > 0 GROUP BY user_id) per_customer
        ),
        txs AS (
          INSERT INTO "LedgerTransaction" (id, kind, description, day)
          SELECT tx_id, 'mining_reward', 'Mining reward for ' || ${day} || ' (UTC)', ${day}::date FROM owed
        ),
        entries AS (
          INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount)
          SELECT gen_random_uuid(), owed.tx_id, a.id, owed.sats
          FROM owed JOIN "LedgerAccount" a ON a.key = 'user:' || owed.user_id || ':customer_cash:BTC'
          UNION ALL
          SELECT gen_random_uuid(), owed.tx_id, ${pool}::uuid, -owed.sats FROM owed
        )
        SELECT count(*)::int AS contracts, coalesce(sum(net), 0)::bigint AS sats FROM batch`;
      return { day, status: "settled", contracts: result?.contracts ?? 0, sats: result?.sats ?? 0n };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Settles every day from `from` to `to` inclusive, in order; days without a snapshot are skipped. */
export async function settleRange(from: string, to: string, now = new Date()): Promise<DayOutcome[]> {
  assertDay(from);
  assertDay(to);
  if (from > to) throw new RangeError("The range ends before it starts");
  const outcomes: DayOutcome[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) outcomes.push(await settleDay(day, now));
  await completeSettledContracts(now);
  return outcomes;
}

/**
 * Completes contracts whose term has ended and whose every day is settled. This is the only
 * way a contract completes, so none is ever marked done with output still owed.
 */
export async function completeSettledContracts(now = new Date()): Promise<number> {
  return db.$executeRaw`
    UPDATE "Contract" c SET status = 'completed', "updatedAt" = now()
    WHERE c.status <> 'completed' AND c."endsAt" <= ${now}
      AND (SELECT count(*) FROM "Settlement" s WHERE s."contractId" = c.id)
          = ((c."endsAt" - interval '1 millisecond') AT TIME ZONE 'UTC')::date - (c."startsAt" AT TIME ZONE 'UTC')::date + 1`;
}

/**
 * The first finished day some unfinished contract has not been settled for (a contract that
 * completed before settlement existed counts as unfinished until all its days are credited).
 */
export async function firstUnsettledDay(now = new Date()): Promise<string | null> {
  const yesterday = addDays(utcDay(now), -1);
  const [row] = await db.$queryRaw<{ day: string | null }[]>`
    SELECT to_char(min(g), 'YYYY-MM-DD') AS day
    FROM "Contract" c
    CROSS JOIN LATERAL generate_series(
      (c."startsAt" AT TIME ZONE 'UTC')::date,
      least(((c."endsAt" - interval '1 millisecond') AT TIME ZONE 'UTC')::date, ${yesterday}::date),
      interval '1 day') AS g
    WHERE (c.status <> 'completed'
           OR NOT EXISTS (SELECT 1 FROM "Settlement" l WHERE l."contractId" = c.id
                          AND l.day = ((c."endsAt" - interval '1 millisecond') AT TIME ZONE 'UTC')::date))
      AND NOT EXISTS (SELECT 1 FROM "Settlement" s WHERE s."contractId" = c.id AND s.day = g::date)`;
  return row?.day ?? null;
}

export type SettleDueSummary = { days: number; contracts: number; skippedDays: number; completed: number };

/** The daily job: settles every finished day still owed, oldest first, then completes contracts. */
export async function settleDue(now = new Date()): Promise<SettleDueSummary> {
  const from = await firstUnsettledDay(now);
  const summary: SettleDueSummary = { days: 0, contracts: 0, skippedDays: 0, completed: 0 };
  if (from) {
    for (let day = from; day < utcDay(now); day = addDays(day, 1)) {
      const outcome = await settleDay(day, now);
      if (outcome.status === "settled") {
        summary.days += 1;
        summary.contracts += outcome.contracts;
      } else if (outcome.status === "no_snapshot" && outcome.contracts > 0) {
        summary.skippedDays += 1;
        logger.warn({ day, contracts: outcome.contracts }, "settlement: no market snapshot, contracts wait for it");
      }
    }
  }
  summary.completed = await completeSettledContracts(now);
  return summary;
}

/** Finished days in the last `days` days some contract waits on because they have no snapshot. */
export async function daysMissingSnapshot(now = new Date(), days = 90): Promise<string[]> {
  const today = utcDay(now);
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT to_char(g, 'YYYY-MM-DD') AS day
    FROM generate_series(${addDays(today, -days)}::date, ${addDays(today, -1)}::date, interval '1 day') AS g
    WHERE NOT EXISTS (SELECT 1 FROM "MarketSnapshot" m WHERE m.day = g::date)
      AND EXISTS (
        SELECT 1 FROM "Contract" c
        WHERE c."startsAt" < ((g::date + 1)::timestamp AT TIME ZONE 'UTC')
          AND c."endsAt" > (g::date::timestamp AT TIME ZONE 'UTC')
          AND NOT EXISTS (SELECT 1 FROM "Settlement" s WHERE s."contractId" = c.id AND s.day = g::date))
    ORDER BY g`;
  return rows.map((row) => row.day);
}
