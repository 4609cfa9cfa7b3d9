import { formatSats, formatUsd } from "@/lib/money/format";
import { formatDifficulty } from "@/lib/format/number";
import type { MarketView } from "@/lib/market/market-view";
import { expectedDailySats, satsToCents } from "@/lib/mining/expected-output";
import { toMarketConditions } from "@/lib/market/market-view";
import { Stat } from "./ui/stat";

// The market snapshot every estimate on the page is computed from, shown so it can be checked.
export function MarketSummary({ market, title = "Today's market" }: { market: MarketView; title?: string }) {
  const conditions = toMarketConditions(market);
  // Hashprice: what 1 PH/s earns a day before pool fees, the industry's yardstick.
  const phDaySats = expectedDailySats({ ...conditions, th: 1000, poolFeeBps: 0 });
  return (
    <section aria-labelledby="market-title" className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h2 id="market-title" className="text-sm font-semibold">
        {title} <span className="font-normal text-subtle">· {market.day} UTC</span>
      </h2>
      <dl className="mt-2 divide-y divide-line">
        <Stat label="BTC price" value={formatUsd(BigInt(market.btcPriceCents))} />
        <Stat label="Network difficulty" value={formatDifficulty(market.difficulty)} />
        <Stat label="Block subsidy" value={formatSats(BigInt(market.blockSubsidySats))} />
        <Stat label="Avg. fees per block" value={formatSats(BigInt(market.feesPerBlockSats))} />
        <Stat
          label="Hashprice (1 PH/s, 1 day)"
          value={formatSats(phDaySats)}
          hint={`≈ ${formatUsd(satsToCents(phDaySats, conditions.btcPriceCents))}`}
        />
      </dl>
    </section>
  );
}
