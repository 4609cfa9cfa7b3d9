// Reads of privacy requests for the staff console.
import "server-only";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/time/utc-days";

export type PrivacyQueueCounts = { open: number; dueWithin7Days: number; overdue: number };

/**
 * The privacy officer's queue by due date: requests still open (received, in progress or
 * extended), those due within the next 7 days, and those past their due date.
 */
export async function privacyQueueCounts(now = new Date()): Promise<PrivacyQueueCounts> {
  const soon = new Date(now.getTime() + 7 * DAY_MS);
  const [row] = await db.$queryRaw<PrivacyQueueCounts[]>`
    SELECT count(*)::int AS open,
           (count(*) FILTER (WHERE "dueAt" >= ${now} AND "dueAt" < ${soon}))::int AS "dueWithin7Days",
           (count(*) FILTER (WHERE "dueAt" < ${now}))::int AS overdue
    FROM "PrivacyRequest"
    WHERE status IN ('received', 'in_progress', 'extended')`;
  return row ?? { open: 0, dueWithin7Days: 0, overdue: 0 };
}
