// Market conditions as pages and client components receive them (BigInt as strings, since
// React cannot serialise BigInt across the server/client boundary).
import type { MarketSnapshot } from "@/lib/generated/prisma/client";
import type { MarketConditions } from "@/lib/pricing/plan-estimate";
import { utcDay } from "@/lib/time/utc-days";

export type MarketView = {
  day: string; // YYYY-MM-DD (UTC)
  difficulty: string;
  btcPriceCents: string;
  blockSubsidySats: string;
  feesPerBlockSats: string;
};

export function toMarketView(snapshot: MarketSnapshot): MarketView {
  return {
    day: utcDay(snapshot.day),
    difficulty: snapshot.difficulty.toFixed(4),
    btcPriceCents: snapshot.btcPriceCents.toString(),
    blockSubsidySats: snapshot.blockSubsidySats.toString(),
    feesPerBlockSats: snapshot.feesPerBlockSats.toString(),
  };
}

export function toMarketConditions(view: MarketView): MarketConditions {
  return {
    difficulty: view.difficulty,
    btcPriceCents: BigInt(view.btcPriceCents),
    blockSubsidySats: BigInt(view.blockSubsidySats),
    feesPerBlockSats: BigInt(view.feesPerBlockSats),
  };
}
