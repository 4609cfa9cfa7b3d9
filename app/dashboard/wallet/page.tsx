import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { TopUpForm } from "@/components/orders/top-up-form";
import { requireUser } from "@/lib/auth/session";
import { cardPaymentsEnabled } from "@/lib/payments/stripe";
import { btcBalance, btcHistory, usdBalance, usdHistory } from "@/lib/ledger/queries";
import { latestMarket } from "@/lib/market/queries";
import { satsToCents } from "@/lib/mining/expected-output";
import { formatBtc, formatSats, formatUsd } from "@/lib/money/format";
import { formatUtcDateTime } from "@/lib/format/date";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Wallet" };

export default async function WalletPage() {
  const user = await requireUser(routes.dashboard.wallet);
  const [usd, btc, history, btcLines, market] = await Promise.all([
    usdBalance(user.id),
    btcBalance(user.id),
    usdHistory(user.id),
    btcHistory(user.id),
    latestMarket(),
  ]);
  const btcPriceCents = market ? BigInt(market.btcPriceCents) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Wallet</h1>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-line bg-surface p-5">
          <dt className="text-sm text-muted">USD balance</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid="usd-balance">
            {formatUsd(usd)}
          </dd>
        </div>
        <div className="rounded-xl border border-line bg-surface p-5">
          <dt className="text-sm text-muted">BTC balance (mined)</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid="btc-balance">
            {formatBtc(btc)}
            <span className="block text-sm font-normal text-muted">
              {formatSats(btc)}
              {btcPriceCents ? ` ≈ ${formatUsd(satsToCents(btc, btcPriceCents))}` : ""}
            </span>
          </dd>
          <dd className="mt-2 text-sm">
            <Link href={routes.dashboard.withdrawals} className="underline underline-offset-4">
              Withdraw BTC
            </Link>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="topup-title" className="rounded-xl border border-line bg-surface p-5 text-sm">
        <h2 id="topup-title" className="font-semibold">
          Top up
        </h2>
        {cardPaymentsEnabled() ? (
          <TopUpForm />
        ) : (
          <p className="mt-1 text-muted">Card top-ups are not available right now.</p>
        )}
        <p className="mt-3 text-muted">
          By bank transfer: contact support with your account email; an admin credits the amount when it arrives, and it
          shows below.
        </p>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="font-semibold">
          USD history
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 rounded-xl border border-dashed border-line p-6 text-center text-sm text-muted">
            No movements yet.
          </p>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Movements of your USD balance, newest first, with the balance after each"
              columns={[
                { label: "When (UTC)" },
                { label: "What" },
                { label: "Amount", numeric: true },
                { label: "Balance", numeric: true },
              ]}
            >
              {history.map((line) => (
                <tr key={line.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(line.at)}</td>
                  <td className="px-3 py-2">{line.description}</td>
                  <td
                    className={`px-3 py-2 text-right tabular-nums ${line.amount < 0n ? "" : "text-green-700 dark:text-green-400"}`}
                  >
                    {line.amount > 0n ? "+" : ""}
                    {formatUsd(line.amount)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(line.balanceAfter)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
      <section aria-labelledby="btc-history-title">
        <h2 id="btc-history-title" className="font-semibold">
          BTC history
        </h2>
        {btcLines.length === 0 ? (
          <p className="mt-2 rounded-xl border border-dashed border-line p-6 text-center text-sm text-muted">
            Nothing mined yet: each settled day appears here.
          </p>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Movements of your BTC balance, newest first, with the balance after each"
              columns={[
                { label: "When (UTC)" },
                { label: "What" },
                { label: "Amount", numeric: true },
                { label: "Balance", numeric: true },
              ]}
            >
              {btcLines.map((line) => (
                <tr key={line.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(line.at)}</td>
                  <td className="px-3 py-2">{line.description}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {line.amount > 0n ? "+" : ""}
                    {formatSats(line.amount)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatBtc(line.balanceAfter)}
                    <span className="block text-xs text-muted">{formatSats(line.balanceAfter)}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
