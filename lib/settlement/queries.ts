// What customers see of their mining output: the dashboard's figures, a contract's settlement
// table (with any corrections beside the row they correct), its outages, and the CSV export.
import "server-only";
import { db } from "@/lib/db";
import { btcBalance } from "@/lib/ledger/queries";
import { satsToCents } from "@/lib/mining/expected-output";
import { latestMarket } from "@/lib/market/queries";
import { addDays, DAY_MS, utcDay } from "@/lib/time/utc-days";
import { csvCell } from "@/lib/format/csv";
import type { Prisma } from "@/lib/generated/prisma/client";
import { instantCursor, keysetPage, seekQuery, type Page } from "@/lib/pagination";

export type SettlementLine = {
  id: string;
  contractId: string;
  day: string;
  kind: "settlement" | "correction";
  th: number;
  seconds: number;
  difficulty: string;
  btcPriceCents: bigint;
  blockSubsidySats: bigint;
  feesPerBlockSats: bigint;
  grossSats: bigint;
  poolFeeBps: number;
  poolFeeSats: bigint;
  netSats: bigint;
  /** What this line moved in the ledger: the output, or a correction's difference. */
  creditedSats: bigint;
  usdCents: bigint;
  reason: string | null;
};

type SettlementWithCorrections = Prisma.SettlementGetPayload<{ include: { corrections: true } }>;

const WITH_CORRECTIONS = { corrections: { orderBy: { createdAt: "asc" } } } as const;

/** A settled day as lines: the settlement, then each correction of it. */
function linesOf(row: SettlementWithCorrections): SettlementLine[] {
  const day = utcDay(row.day);
  return [
    {
      id: row.id,
      contractId: row.contractId,
      day,
      kind: "settlement",
      th: row.th,
      seconds: row.seconds,
      difficulty: row.difficulty.toString(),
      btcPriceCents: row.btcPriceCents,
      blockSubsidySats: row.blockSubsidySats,
      feesPerBlockSats: row.feesPerBlockSats,
      grossSats: row.grossSats,
      poolFeeBps: row.poolFeeBps,
      poolFeeSats: row.grossSats - row.sats,
      netSats: row.sats,
      creditedSats: row.sats,
      usdCents: satsToCents(row.sats, row.btcPriceCents),
      reason: null,
    },
    ...row.corrections.map((correction): SettlementLine => ({
      id: correction.id,
      contractId: row.contractId,
      day,
      kind: "correction",
      th: row.th,
      seconds: row.seconds,
      difficulty: correction.difficulty.toString(),
      btcPriceCents: correction.btcPriceCents,
      blockSubsidySats: correction.blockSubsidySats,
      feesPerBlockSats: correction.feesPerBlockSats,
      grossSats: correction.grossSats,
      poolFeeBps: row.poolFeeBps,
      poolFeeSats: correction.grossSats - correction.sats,
      netSats: correction.sats,
      creditedSats: correction.deltaSats,
      usdCents: satsToCents(correction.sats, correction.btcPriceCents),
      reason: correction.reason,
    })),
  ];
}

/** Every settled day of a contract in day order, corrections right after their day. */
export async function contractSettlementLines(contractId: string): Promise<SettlementLine[]> {
  const settlements = await db.settlement.findMany({
    where: { contractId },
    orderBy: { day: "asc" },
    include: WITH_CORRECTIONS,
  });
  return settlements.flatMap(linesOf);
}

/** Which of a customer's settled days to read: one contract's, and from/to UTC days (inclusive). */
export type EarningsFilter = { contractId?: string; from?: string; to?: string };

function earningsWhere(userId: string, filter: EarningsFilter): Prisma.SettlementWhereInput {
  return {
    contract: { userId },
    ...(filter.contractId ? { contractId: filter.contractId } : {}),
    ...(filter.from || filter.to
      ? {
          day: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lte: new Date(`${filter.to}T00:00:00Z`) } : {}),
          },
        }
      : {}),
  };
}

/** One page of a customer's settled days, oldest first, each with its corrections (owner id in the where). */
export async function ownEarningsPage(
  userId: string,
  filter: EarningsFilter,
  cursor: string | undefined,
  size: number,
): Promise<Page<SettlementWithCorrections>> {
  return keysetPage({
    cursor,
    codec: instantCursor,
    size,
    fetch: (seek) => {
      const { where, ...page } = seekQuery("day", seek, "asc");
      return db.settlement.findMany({
        where: { AND: [earningsWhere(userId, filter), where] },
        ...page,
        include: WITH_CORRECTIONS,
      });
    },
    keyOf: (row) => ({ key: row.day, id: row.id }),
  });
}

/** Every settled day of a customer that matches, oldest first, as lines (for the CSV). */
export async function ownEarningsLines(userId: string, filter: EarningsFilter): Promise<SettlementLine[]> {
  const rows = await db.settlement.findMany({
    where: earningsWhere(userId, filter),
    orderBy: [{ day: "asc" }, { id: "asc" }],
    include: WITH_CORRECTIONS,
  });
  return rows.flatMap(linesOf);
}

/** What a contract has mined so far: settled days, the last one, and every credit net of corrections. */
export async function contractMinedTotals(contractId: string) {
  const [settled, corrections] = await Promise.all([
    db.settlement.aggregate({ where: { contractId }, _count: true, _sum: { sats: true }, _max: { day: true } }),
    db.settlementCorrection.aggregate({ where: { contractId }, _sum: { deltaSats: true } }),
  ]);
  return {
    settledDays: settled._count,
    lastSettledDay: settled._max.day ? utcDay(settled._max.day) : null,
    minedSats: (settled._sum.sats ?? 0n) + (corrections._sum.deltaSats ?? 0n),
  };
}

/** The outages that stopped a contract, with the hours each added to its term. */
export async function contractOutages(contractId: string) {
  const rows = await db.contractExtension.findMany({
    where: { contractId },
    orderBy: { outage: { startedAt: "asc" } },
    include: { outage: { select: { startedAt: true, endedAt: true, reason: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.outage.startedAt,
    endedAt: row.outage.endedAt,
    reason: row.outage.reason,
    hoursLost: row.hours.toString(),
  }));
}

const CSV_HEADER = [
  "date",
  "kind",
  "hashrate_th",
  "seconds_mined",
  "difficulty",
  "btc_price_usd",
  "block_subsidy_sats",
  "fees_per_block_sats",
  "gross_sats",
  "pool_fee_bps",
  "pool_fee_sats",
  "net_sats",
  "credited_sats",
  "usd_value",
  "note",
];

const cents = (value: bigint) =>
  `${value < 0n ? "-" : ""}${(value < 0n ? -value : value) / 100n}.${((value < 0n ? -value : value) % 100n).toString().padStart(2, "0")}`;

/** The lines as CSV; `withContract` adds a first column naming each line's contract. */
export function settlementCsv(lines: SettlementLine[], { withContract = false } = {}): string {
  const rows = lines.map((line) =>
    [
      ...(withContract ? [line.contractId] : []),
      line.day,
      line.kind,
      String(line.th),
      String(line.seconds),
      line.difficulty,
      cents(line.btcPriceCents),
      String(line.blockSubsidySats),
      String(line.feesPerBlockSats),
      String(line.grossSats),
      String(line.poolFeeBps),
      String(line.poolFeeSats),
      String(line.netSats),
      String(line.creditedSats),
      cents(line.usdCents),
      line.reason ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  const header = withContract ? ["contract_id", ...CSV_HEADER] : CSV_HEADER;
  return [header.join(","), ...rows].join("\r\n") + "\r\n";
}

export type DailyOutput = { day: string; sats: bigint };

export type MiningSummary = {
  activeTh: number;
  btcSats: bigint;
  btcPriceCents: bigint | null;
  yesterdaySats: bigint;
  totalSats: bigint;
  daily: DailyOutput[];
  endingSoon: { id: string; title: string; endsAt: Date }[];
  contracts: number;
};

/** The dashboard's figures for one customer. Output counts corrections, as the ledger does. */
export async function miningSummary(userId: string, now = new Date()): Promise<MiningSummary> {
  const today = utcDay(now);
  const from = addDays(today, -30);
  const [[counts], btcSats, market, perDay, endingSoon] = await Promise.all([
    // The contracts' figures in one read: active TH, how many contracts, and all output credited.
    db.$queryRaw<{ activeTh: number; contracts: number; totalSats: bigint }[]>`
      SELECT
        (SELECT coalesce(sum(th), 0)::int FROM "Contract" WHERE "userId" = ${userId}::uuid AND status = 'active') AS "activeTh",
        (SELECT count(*)::int FROM "Contract" WHERE "userId" = ${userId}::uuid) AS contracts,
        (coalesce((SELECT SUM(s.sats) FROM "Settlement" s JOIN "Contract" c ON c.id = s."contractId" WHERE c."userId" = ${userId}::uuid), 0)
          + coalesce((SELECT SUM(sc."deltaSats") FROM "SettlementCorrection" sc JOIN "Contract" c ON c.id = sc."contractId" WHERE c."userId" = ${userId}::uuid), 0))::bigint AS "totalSats"`,
    btcBalance(userId),
    latestMarket(now),
    db.$queryRaw<{ day: string; sats: bigint }[]>`
      SELECT to_char(s.day, 'YYYY-MM-DD') AS day,
             SUM(s.sats + coalesce((SELECT sum(sc."deltaSats") FROM "SettlementCorrection" sc WHERE sc."settlementId" = s.id), 0))::bigint AS sats
      FROM "Settlement" s JOIN "Contract" c ON c.id = s."contractId"
      WHERE c."userId" = ${userId}::uuid AND s.day >= ${from}::date AND s.day < ${today}::date
      GROUP BY s.day`,
    db.contract.findMany({
      where: { userId, status: "active", endsAt: { lte: new Date(now.getTime() + 7 * DAY_MS) } },
      orderBy: { endsAt: "asc" },
      select: { id: true, endsAt: true, product: { select: { title: true } } },
    }),
  ]);
  const byDay = new Map(perDay.map((row) => [row.day, row.sats]));
  const daily: DailyOutput[] = [];
  for (let day = from; day < today; day = addDays(day, 1)) daily.push({ day, sats: byDay.get(day) ?? 0n });
  return {
    activeTh: counts!.activeTh,
    btcSats,
    btcPriceCents: market ? BigInt(market.btcPriceCents) : null,
    yesterdaySats: byDay.get(addDays(today, -1)) ?? 0n,
    totalSats: counts!.totalSats,
    daily,
    endingSoon: endingSoon.map((c) => ({ id: c.id, title: c.product.title, endsAt: c.endsAt })),
    contracts: counts!.contracts,
  };
}
