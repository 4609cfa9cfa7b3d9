import "server-only";
import { db } from "@/lib/db";
import { toMarketView, type MarketView } from "./market-view";

/** Today's (or the most recent) market snapshot; null only on an empty database. */
export async function latestMarket(): Promise<MarketView | null> {
  const snapshot = await db.marketSnapshot.findFirst({ orderBy: { day: "desc" } });
  return snapshot ? toMarketView(snapshot) : null;
}
