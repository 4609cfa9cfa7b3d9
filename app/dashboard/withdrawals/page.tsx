import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { DataTable } from "@/components/ui/data-table";
import { PayoutAddressForm } from "@/components/withdrawals/payout-address-form";
import { WithdrawalForm } from "@/components/withdrawals/withdrawal-form";
import { WithdrawalStatusLabel } from "@/components/withdrawals/withdrawal-status";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { formatBtc } from "@/lib/money/format";
import { withdrawalPage } from "@/lib/withdrawals/queries";
import { MIN_WITHDRAWAL_SATS, WITHDRAWAL_NETWORK_FEE_SATS } from "@/lib/withdrawals/rules";
import { routes } from "@/lib/routes";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Withdrawals" };

const NETWORK_LABELS = { mainnet: "Bitcoin", testnet: "Bitcoin testnet", regtest: "Bitcoin regtest" } as const;

export default async function WithdrawalsPage() {
  const user = await requireUser(routes.dashboard.withdrawals);
  const page = await withdrawalPage(user.id);
  const onHold = page.address && page.address.withdrawalsFrom > new Date();
  const missing = [
    page.kycApproved ? null : { href: routes.dashboard.kyc, text: "verify your identity" },
    user.totpEnabledAt ? null : { href: routes.dashboard.security, text: "turn on two-factor authentication" },
  ].filter((item) => item !== null);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Withdrawals</h1>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-line bg-surface p-5">
          <dt className="text-sm text-muted">BTC available</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid="btc-available">
            {formatBtc(page.cashSats)}
          </dd>
        </div>
        <div className="rounded-xl border border-line bg-surface p-5">
          <dt className="text-sm text-muted">Held for withdrawals on their way</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{formatBtc(page.heldSats)}</dd>
        </div>
      </dl>
      {missing.length > 0 ? (
        <p className="rounded-xl border border-amber-500/50 bg-surface p-4 text-sm" role="status">
          Before you can withdraw,{" "}
          {missing.map((item, index) => (
            <span key={item.href}>
              {index > 0 ? " and " : ""}
              <IntentLink href={item.href} className="underline underline-offset-4">
                {item.text}
              </IntentLink>
            </span>
          ))}
          .
        </p>
      ) : null}
      <section aria-labelledby="address-title" className="space-y-3 rounded-xl border border-line bg-surface p-5">
        <h2 id="address-title" className="font-semibold">
          Payout address
        </h2>
        {page.address ? (
          <p className="text-sm">
            Withdrawals go to{" "}
            <code className="break-all font-mono" data-testid="payout-address">
              {page.address.address}
            </code>
            {onHold ? (
              <span className="block text-muted">
                It was set recently: withdrawals open at {formatDateTime(page.address.withdrawalsFrom, user.timeZone)}.
              </span>
            ) : null}
          </p>
        ) : (
          <p className="text-sm text-muted">No payout address yet.</p>
        )}
        {user.totpEnabledAt ? (
          <PayoutAddressForm current={page.address?.address ?? null} networkLabel={NETWORK_LABELS[page.network]} />
        ) : (
          <p className="text-sm text-muted">Setting an address needs a code from your authenticator app.</p>
        )}
      </section>
      {page.address && missing.length === 0 ? (
        <section aria-labelledby="withdraw-title" className="space-y-3 rounded-xl border border-line bg-surface p-5">
          <h2 id="withdraw-title" className="font-semibold">
            Withdraw BTC
          </h2>
          <p className="text-sm text-muted">
            The amount is held from your balance at once; an admin sends it, usually within one working day. Amounts
            above 0.1 BTC are checked by two admins.
          </p>
          <WithdrawalForm
            feeSats={WITHDRAWAL_NETWORK_FEE_SATS.toString()}
            minimumSats={MIN_WITHDRAWAL_SATS.toString()}
          />
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="font-semibold">
          Your withdrawals
        </h2>
        {page.withdrawals.length === 0 ? (
          <EmptyState className="mt-2">No withdrawals yet.</EmptyState>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Your withdrawals, newest first"
              columns={[
                { label: "Requested" },
                { label: "Amount", numeric: true },
                { label: "Network fee", numeric: true },
                { label: "You receive", numeric: true },
                { label: "Status" },
              ]}
            >
              {page.withdrawals.map((line) => (
                <tr key={line.id} data-testid="withdrawal-row">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {formatDateTime(line.createdAt, user.timeZone)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatBtc(line.amountSats)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatBtc(line.networkFeeSats)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatBtc(line.amountSats - line.networkFeeSats)}
                  </td>
                  <td className="px-3 py-2">
                    <WithdrawalStatusLabel status={line.status} awaitingSecondAdmin={line.awaitingSecondAdmin} />
                    {line.txid ? (
                      <span className="block break-all font-mono text-xs text-muted">txid {line.txid}</span>
                    ) : null}
                    {line.rejectionReason ? (
                      <span className="block text-xs text-muted">{line.rejectionReason}</span>
                    ) : null}
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
