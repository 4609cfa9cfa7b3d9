// The staff console's overview: sales, stock, mining, queues and the background jobs' health,
// in a handful of queries (one of figures, one of products, one of the newest settled day, two
// of the job queue), each served by an index, so the page stays fast however large the tables
// grow. Whole-table counts (all customers) are left out for that reason.
import "server-only";
import { db } from "@/lib/db";
import { SCHEMA as JOB_SCHEMA } from "@/lib/jobs/queue";
import { instantCursor, keysetPage } from "@/lib/pagination";
import { addDays, DAY_MS, utcDay } from "@/lib/time/utc-days";

export type SalesWindow = { orders: number; cents: bigint; th: number };

export type ConsoleOverview = {
  sales: {
    today: SalesWindow;
    last7Days: SalesWindow;
    last30Days: SalesWindow;
    since: Record<"today" | "last7Days" | "last30Days", string>;
  };
  products: { id: string; title: string; status: string; inventoryTh: number; soldTh: number }[];
  activeContracts: number;
  activeTh: number;
  kyc: { waiting: number; flagged: number; oldestSubmittedAt: Date | null };
  pendingWithdrawals: number;
  openTickets: number;
  staffActions24h: number;
  lastSettlement: { day: string; contracts: number; sats: bigint; at: Date } | null;
  jobs: {
    running: boolean;
    lastSettlementRun: { state: string; at: Date | null } | null;
    failed7Days: number;
  };
};

type Counts = {
  today_orders: number;
  today_cents: bigint;
  today_th: number;
  week_orders: number;
  week_cents: bigint;
  week_th: number;
  month_orders: number;
  month_cents: bigint;
  month_th: number;
  active_contracts: number;
  active_th: number;
  kyc_waiting: number;
  kyc_flagged: number;
  kyc_oldest: Date | null;
  withdrawals: number;
  tickets: number;
  staff_actions: number;
};

/** Sales count paid orders by the UTC day they were placed (placement and payment are ≤ 30 minutes apart). */
export async function consoleOverview(now = new Date()): Promise<ConsoleOverview> {
  const today = utcDay(now);
  const since = { today, last7Days: addDays(today, -6), last30Days: addDays(today, -29) };
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  const [[counts], products, [settled], jobs] = await Promise.all([
    db.$queryRaw<Counts[]>`
      SELECT sales.*, contracts.*, queues.*
      FROM (
        SELECT (count(*) FILTER (WHERE "createdAt" >= ${at(today)}))::int AS today_orders,
               (coalesce(sum("totalCents") FILTER (WHERE "createdAt" >= ${at(today)}), 0))::bigint AS today_cents,
               (coalesce(sum(th) FILTER (WHERE "createdAt" >= ${at(today)}), 0))::int AS today_th,
               (count(*) FILTER (WHERE "createdAt" >= ${at(since.last7Days)}))::int AS week_orders,
               (coalesce(sum("totalCents") FILTER (WHERE "createdAt" >= ${at(since.last7Days)}), 0))::bigint AS week_cents,
               (coalesce(sum(th) FILTER (WHERE "createdAt" >= ${at(since.last7Days)}), 0))::int AS week_th,
               count(*)::int AS month_orders,
               coalesce(sum("totalCents"), 0)::bigint AS month_cents,
               coalesce(sum(th), 0)::int AS month_th
        FROM "Order" WHERE status = 'paid' AND "createdAt" >= ${at(since.last30Days)}
      ) sales,
      (
        SELECT count(*)::int AS active_contracts, coalesce(sum(th), 0)::int AS active_th
        FROM "Contract" WHERE status = 'active'
      ) contracts,
      (
        SELECT (SELECT count(*) FROM "KycCase" WHERE status = 'pending')::int AS kyc_waiting,
               (SELECT count(*) FROM "KycCase" WHERE status = 'pending' AND flagged)::int AS kyc_flagged,
               (SELECT min("submittedAt") FROM "KycCase" WHERE status = 'pending') AS kyc_oldest,
               (SELECT count(*) FROM "Withdrawal" WHERE status = 'requested')::int AS withdrawals,
               (SELECT count(*) FROM "SupportTicket" WHERE status = 'open')::int AS tickets,
               (SELECT count(*) FROM "AuditLog" WHERE "createdAt" >= ${new Date(now.getTime() - DAY_MS)})::int AS staff_actions
      ) queues`,
    db.product.findMany({
      where: { status: { in: ["on_sale", "sold_out"] } },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, title: true, status: true, inventoryTh: true, soldTh: true },
    }),
    db.$queryRaw<{ day: string; contracts: number; sats: bigint; at: Date }[]>`
      SELECT to_char(s.day, 'YYYY-MM-DD') AS day, count(*)::int AS contracts, sum(s.sats)::bigint AS sats,
             max(s."createdAt") AS at
      FROM "Settlement" s
      WHERE s.day = (SELECT max(day) FROM "Settlement")
      GROUP BY s.day`,
    jobHealth(now),
  ]);
  if (!counts) throw new Error("The overview's counts returned no row");
  const window = (orders: number, cents: bigint, th: number): SalesWindow => ({ orders, cents, th });
  return {
    sales: {
      today: window(counts.today_orders, counts.today_cents, counts.today_th),
      last7Days: window(counts.week_orders, counts.week_cents, counts.week_th),
      last30Days: window(counts.month_orders, counts.month_cents, counts.month_th),
      since,
    },
    products,
    activeContracts: counts.active_contracts,
    activeTh: counts.active_th,
    kyc: { waiting: counts.kyc_waiting, flagged: counts.kyc_flagged, oldestSubmittedAt: counts.kyc_oldest },
    pendingWithdrawals: counts.withdrawals,
    openTickets: counts.tickets,
    staffActions24h: counts.staff_actions,
    lastSettlement: settled ?? null,
    jobs,
  };
}

const jobTable = (table: "job" | "archive") => `"${JOB_SCHEMA}"."${table}"`;

/** Whether the job queue exists yet (a worker creates it on first start). */
async function jobQueueExists(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass(${jobTable("job")}) IS NOT NULL AND to_regclass(${jobTable("archive")}) IS NOT NULL AS present`;
  return row?.present ?? false;
}

/** The last run of the daily settlement job and the jobs that failed in the last 7 days. */
async function jobHealth(now: Date): Promise<ConsoleOverview["jobs"]> {
  if (!(await jobQueueExists())) return { running: false, lastSettlementRun: null, failed7Days: 0 };
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const [last, failed] = await Promise.all([
    db.$queryRawUnsafe<{ state: string; at: Date | null }[]>(
      `SELECT state::text AS state, coalesce(completed_on, started_on, created_on) AS at FROM (
         SELECT state, completed_on, started_on, created_on FROM ${jobTable("job")} WHERE name = 'settle-days' AND state >= 'active'
         UNION ALL
         SELECT state, completed_on, started_on, created_on FROM ${jobTable("archive")} WHERE name = 'settle-days'
       ) runs ORDER BY created_on DESC LIMIT 1`,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT ((SELECT count(*) FROM ${jobTable("job")} WHERE state = 'failed' AND completed_on >= $1)
             + (SELECT count(*) FROM ${jobTable("archive")} WHERE state = 'failed' AND completed_on >= $1))::int AS n`,
      weekAgo,
    ),
  ]);
  return { running: true, lastSettlementRun: last[0] ?? null, failed7Days: failed[0]?.n ?? 0 };
}

export type FailedJob = { id: string; name: string; failedAt: Date; retries: number; error: string };

/** One page of the jobs that failed (newest first), with the error pg-boss recorded. */
export async function failedJobs(cursor?: string) {
  if (!(await jobQueueExists())) return { items: [] as FailedJob[], next: null, previous: null, rejectedCursor: false };
  return keysetPage({
    cursor,
    codec: instantCursor,
    fetch: async (seek) => {
      const forward = seek.order === "forward";
      const params: unknown[] = [seek.take];
      let boundary = "";
      if (seek.boundary) {
        params.push(seek.boundary.key, seek.boundary.id);
        boundary = `AND (completed_on, id) ${forward ? "<" : ">"} ($2::timestamptz, $3::uuid)`;
      }
      const order = forward ? "DESC" : "ASC";
      const rows = await db.$queryRawUnsafe<
        { id: string; name: string; completed_on: Date; retry_count: number; output: unknown }[]
      >(
        `SELECT id, name, completed_on, retry_count, output FROM (
           SELECT id, name, completed_on, retry_count, output FROM ${jobTable("job")} WHERE state = 'failed'
           UNION ALL
           SELECT id, name, completed_on, retry_count, output FROM ${jobTable("archive")} WHERE state = 'failed'
         ) failed WHERE completed_on IS NOT NULL ${boundary}
         ORDER BY completed_on ${order}, id ${order} LIMIT $1`,
        ...params,
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        failedAt: row.completed_on,
        retries: row.retry_count,
        error: describeJobError(row.output),
      }));
    },
    keyOf: (job) => ({ key: job.failedAt, id: job.id }),
  });
}

/** pg-boss stores a failure as { message, stack }; staff see the message only. */
function describeJobError(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string")
    return output.message.slice(0, 300);
  return "No message was recorded.";
}
