// Everything the calculator and the storefront card show for N TH of a plan: the price, and
// what that hashrate is expected to mine at today's market snapshot.
import {
  breakEvenPriceCents,
  expectedDailySats,
  satsToCents,
  type NetworkConditions,
} from "@/lib/mining/expected-output";
import { priceOrder, type OrderPrice, type PlanRates } from "./order-price";

export type MarketConditions = NetworkConditions & { btcPriceCents: bigint };

export type PlanEstimate = {
  price: OrderPrice;
  dailySats: bigint;
  dailyCents: bigint;
  termSats: bigint;
  termCents: bigint;
  /** BTC price (cents per BTC) at which the output pays for the order; null if nothing is mined. */
  breakEvenCents: bigint | null;
};

export function estimatePlan(
  plan: PlanRates & { poolFeeBps: number },
  market: MarketConditions,
  th: number,
): PlanEstimate {
  const price = priceOrder(plan, th);
  const dailySats = expectedDailySats({ ...market, th, poolFeeBps: plan.poolFeeBps });
  const termSats = dailySats * BigInt(plan.durationDays);
  return {
    price,
    dailySats,
    dailyCents: satsToCents(dailySats, market.btcPriceCents),
    termSats,
    termCents: satsToCents(termSats, market.btcPriceCents),
    breakEvenCents: breakEvenPriceCents(price.totalCents, termSats),
  };
}

export type ThCheck = { ok: true; th: number } | { ok: false; message: string };

/** Parses what a customer typed as a TH amount and checks it against the plan's bounds. */
export function checkThAmount(raw: string, bounds: { minOrderTh: number; maxOrderTh: number }): ThCheck {
  const text = raw.trim();
  const range = `between ${bounds.minOrderTh.toLocaleString("en-US")} and ${bounds.maxOrderTh.toLocaleString("en-US")} TH`;
  if (text === "") return { ok: false, message: `Enter a whole number of TH ${range}.` };
  if (!/^\d+$/.test(text)) return { ok: false, message: `Enter a whole number of TH ${range}.` };
  const th = Number(text);
  if (!Number.isSafeInteger(th) || th < bounds.minOrderTh || th > bounds.maxOrderTh) {
    return { ok: false, message: `Choose ${range}.` };
  }
  return { ok: true, th };
}
