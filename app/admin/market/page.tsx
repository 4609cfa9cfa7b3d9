import type { Metadata } from "next";
import { MarketChart } from "@/components/market/market-chart";
import { SettleRangeForm, SnapshotForm } from "@/components/market/snapshot-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { formatDifficulty, formatInteger } from "@/lib/format/number";
import { recentSnapshots } from "@/lib/market/queries";
import { formatSats, formatUsd } from "@/lib/money/format";
import { routes } from "@/lib/routes";
import { addDays, utcDay } from "@/lib/time/utc-days";

export const metadata: Metadata = { title: "Market data" };

export default async function AdminMarketPage() {
  await requirePermission("market.manage", routes.admin.market);
  const snapshots = await recentSnapshots(90);
  const now = new Date();
  const today = utcDay(now);
  const yesterday = addDays(today, -1);
  const chart = [...snapshots].reverse().map((snapshot) => ({
    day: utcDay(snapshot.day),
    difficultyT: Math.round(Number(snapshot.difficulty.toString()) / 1e10) / 100,
    priceUsd: Number(snapshot.btcPriceCents / 100n),
  }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Market data</h1>
      <p className="max-w-2xl text-sm text-muted">
        One snapshot per UTC day: settlement credits each day from its snapshot, and a day without one is not settled
        until it has one. Every change is audited with its reason.
      </p>
      <section aria-labelledby="add-day" className="space-y-3">
        <h2 id="add-day" className="text-lg font-semibold">
          Add or correct a day
        </h2>
        <SnapshotForm today={today} />
      </section>
      <section aria-labelledby="settle-days" className="space-y-3">
        <h2 id="settle-days" className="text-lg font-semibold">
          Settle days
        </h2>
        <p className="text-sm text-muted">
          The job does this at 00:10 UTC for the day before; days already settled are left as they are.
        </p>
        <SettleRangeForm yesterday={yesterday} />
      </section>
      <section aria-labelledby="last-90" className="space-y-3">
        <h2 id="last-90" className="text-lg font-semibold">
          Last 90 days
        </h2>
        {snapshots.length === 0 ? (
          <p className="text-sm text-muted">No market data yet.</p>
        ) : (
          <>
            <MarketChart data={chart} />
            <DataTable
              caption="Market snapshots of the last 90 days, newest first"
              columns={[
                { label: "Day (UTC)" },
                { label: "Difficulty", numeric: true },
                { label: "BTC price", numeric: true },
                { label: "Subsidy", numeric: true },
                { label: "Fees per block", numeric: true },
                { label: "Source" },
                { label: "Contracts settled", numeric: true },
              ]}
            >
              {snapshots.map((snapshot) => (
                <tr key={snapshot.id}>
                  <td className="px-3 py-2 tabular-nums">{utcDay(snapshot.day)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatDifficulty(snapshot.difficulty.toString())}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(snapshot.btcPriceCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatSats(snapshot.blockSubsidySats)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatSats(snapshot.feesPerBlockSats)}</td>
                  <td className="px-3 py-2">{snapshot.source}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(snapshot._count.settlements)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>
    </div>
  );
}
