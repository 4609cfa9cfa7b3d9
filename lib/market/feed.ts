// The optional market-data feed: when MARKET_DATA_URL is set, the hourly job fetches today's
// figures and stores them as today's snapshot (source "feed"). The response is untrusted input,
// parsed with zod; anything unexpected is refused and logged, never half-stored. The feed never
// overwrites a day an admin entered, nor a day already settled.
//
// Expected JSON (any extra fields are ignored):
//   { "day": "2026-11-25", "difficulty": "148200000000000", "btcPriceUsd": "95000.12",
//     "blockSubsidySats": 312500000, "feesPerBlockSats": 3000000 }
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { utcDay } from "@/lib/time/utc-days";

const MAX_BYTES = 64 * 1024;

const wholeSats = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.string().regex(/^\d{1,18}$/),
]);

export const feedResponse = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  difficulty: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{1,26}(\.\d{1,4})?$/)),
  btcPriceUsd: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/))
    .transform((value) => {
      const [dollars, cents = ""] = value.split(".");
      return BigInt(dollars!) * 100n + BigInt(cents.padEnd(2, "0"));
    })
    .refine((cents) => cents > 0n),
  blockSubsidySats: wholeSats.transform((value) => BigInt(value)),
  feesPerBlockSats: wholeSats.transform((value) => BigInt(value)),
});

export type FeedOutcome = { written: number; skipped: number };

export async function fetchMarketData(url = env().MARKET_DATA_URL, now = new Date()): Promise<FeedOutcome> {
  if (!url) return { written: 0, skipped: 0 };
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Market data feed answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new Error("Market data feed answered with too much data");
  const parsed = feedResponse.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Market data feed answered unexpectedly: ${z.prettifyError(parsed.error)}`);
  const figures = parsed.data;
  const today = utcDay(now);
  // Only today's figures: a feed that lags or runs ahead must not rewrite another day.
  if (figures.day !== today || Number(figures.difficulty) <= 0) return { written: 0, skipped: 1 };
  const day = new Date(`${today}T00:00:00Z`);
  const data = {
    difficulty: figures.difficulty,
    btcPriceCents: figures.btcPriceUsd,
    blockSubsidySats: figures.blockSubsidySats,
    feesPerBlockSats: figures.feesPerBlockSats,
    source: "feed",
  };
  const written = await db.$transaction(async (tx) => {
    const existing = await tx.marketSnapshot.findUnique({ where: { day }, select: { source: true, id: true } });
    if (!existing) {
      await tx.marketSnapshot.create({ data: { day, ...data } });
      return 1;
    }
    if (existing.source !== "feed") return 0;
    if ((await tx.settlement.count({ where: { marketSnapshotId: existing.id } })) > 0) return 0;
    await tx.marketSnapshot.update({ where: { day }, data });
    return 1;
  });
  return { written, skipped: 1 - written };
}
