import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { HistorySection } from "@/components/ledger/history-section";
import { TopUpForm } from "@/components/orders/top-up-form";
import { requireUser } from "@/lib/auth/session";
import { cardPaymentsEnabled } from "@/lib/payments/stripe";
import { btcBalance, btcHistory, usdBalance, usdHistory } from "@/lib/ledger/queries";
import { latestMarket } from "@/lib/market/queries";
import { satsToCents } from "@/lib/mining/expected-output";
import { formatBtc, formatSats, formatUsd } from "@/lib/money/format";
import { routes, withParams } from "@/lib/routes";
import { readFilter, walletListFilter } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Wallet" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WalletPage({ searchParams }: Props) {
  const user = await requireUser(routes.dashboard.wallet);
  const cursors = readFilter(walletListFilter, await searchParams);
  const [usd, btc, history, btcLines, market] = await Promise.all([
    usdBalance(user.id),
    btcBalance(user.id),
    usdHistory(user.id, cursors.usd),
    btcHistory(user.id, cursors.btc),
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
            <IntentLink href={routes.dashboard.withdrawals} className="underline underline-offset-4">
              Withdraw BTC
            </IntentLink>
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
      <HistorySection
        timeZone={user.timeZone}
        id="history-title"
        title="USD history"
        caption="Movements of your USD balance, newest first, with the balance after each"
        empty="No movements yet."
        page={history}
        pageHref={(cursor) => `${withParams(routes.dashboard.wallet, { usd: cursor, btc: cursors.btc })}#history-title`}
        amount={formatUsd}
        balance={formatUsd}
        creditColour
      />
      <HistorySection
        timeZone={user.timeZone}
        id="btc-history-title"
        title="BTC history"
        caption="Movements of your BTC balance, newest first, with the balance after each"
        empty="Nothing mined yet: each settled day appears here."
        page={btcLines}
        pageHref={(cursor) =>
          `${withParams(routes.dashboard.wallet, { usd: cursors.usd, btc: cursor })}#btc-history-title`
        }
        amount={formatSats}
        balance={(sats) => (
          <>
            {formatBtc(sats)}
            <span className="block text-xs text-muted">{formatSats(sats)}</span>
          </>
        )}
      />
    </div>
  );
}
