import "server-only";
import { db } from "@/lib/db";
import { toMarketView, type MarketView } from "./market-view";
import { addDays, startOfUtcDay, utcDay } from "@/lib/time/utc-days";

/**
 * Today's (or the most recent earlier) market snapshot; null only when there is none. A day
 * entered ahead of time never drives today's estimates.
 */
export async function latestMarket(now = new Date()): Promise<MarketView | null> {
  const snapshot = await db.marketSnapshot.findFirst({
    where: { day: { lte: startOfUtcDay(now) } },
    orderBy: { day: "desc" },
  });
  return snapshot ? toMarketView(snapshot) : null;
}

/** The last `days` days' snapshots, newest first, as the admin's market page shows them. */
export async function recentSnapshots(days = 90, now = new Date()) {
  const since = new Date(`${addDays(utcDay(now), 1 - days)}T00:00:00Z`);
  return db.marketSnapshot.findMany({
    where: { day: { gte: since } },
    orderBy: { day: "desc" },
    select: {
      id: true,
      day: true,
      difficulty: true,
      btcPriceCents: true,
      blockSubsidySats: true,
      feesPerBlockSats: true,
      source: true,
      _count: { select: { settlements: true } },
    },
  });
}

/** Whether today's (UTC) snapshot exists. */
export async function hasTodaysSnapshot(now = new Date()): Promise<boolean> {
  return (await db.marketSnapshot.count({ where: { day: startOfUtcDay(now) } })) > 0;
}

export { daysMissingSnapshot } from "@/lib/settlement/settle";
