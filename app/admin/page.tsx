import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { consoleOverview } from "@/lib/console/queries";
import { formatUtcDate, formatUtcDateTime } from "@/lib/format/date";
import { formatInteger } from "@/lib/format/number";
import { kycQueueSummary } from "@/lib/kyc/queries";
import { pendingCredits } from "@/lib/ledger/credit-balance";
import { daysMissingSnapshot, hasTodaysSnapshot } from "@/lib/market/queries";
import { formatBtc, formatUsd } from "@/lib/money/format";
import { privacySummary } from "@/lib/privacy/queries";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Staff console" };

const card = "rounded-xl border border-line bg-surface p-5";

// A figure that links to the list it counts.
function Figure({
  label,
  value,
  href,
  hint,
  alert,
  testId,
}: {
  label: string;
  value: string;
  href: string;
  hint?: ReactNode;
  alert?: boolean;
  testId?: string;
}) {
  return (
    <div className={`${card} ${alert ? "border-red-400 dark:border-red-500/60" : ""}`} data-testid={testId}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1">
        <IntentLink
          href={href}
          className={`text-2xl font-semibold tabular-nums underline-offset-4 hover:underline ${alert ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {value}
        </IntentLink>
        {hint ? (
          <span className={`block text-xs ${alert ? "text-red-700 dark:text-red-400" : "text-subtle"}`}>{hint}</span>
        ) : null}
      </dd>
    </div>
  );
}

export default async function AdminOverviewPage() {
  const user = await requirePermission("staff.console", routes.admin.home);
  const isAdmin = can(user.role, "admin.overview");
  const [overview, kyc, privacy, credits, market] = await Promise.all([
    isAdmin ? consoleOverview() : null,
    !isAdmin && can(user.role, "kyc.review") ? kycQueueSummary() : null,
    can(user.role, "privacy.handle") ? privacySummary() : null,
    can(user.role, "users.manage") ? pendingCredits() : [],
    can(user.role, "market.manage")
      ? Promise.all([hasTodaysSnapshot(), daysMissingSnapshot()]).then(([today, missing]) => ({ today, missing }))
      : null,
  ]);
  const kycFigures = overview?.kyc ?? kyc;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {market && (!market.today || market.missing.length > 0) ? (
        <section
          aria-labelledby="market-warning-title"
          role="alert"
          className="rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-500/40 dark:bg-amber-500/10"
        >
          <h2 id="market-warning-title" className="font-semibold">
            Market data needs attention
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {!market.today ? <li>Today&apos;s market snapshot is missing: estimates use an older day.</li> : null}
            {market.missing.length > 0 ? (
              <li>
                Not settled for lack of a snapshot: {market.missing.join(", ")}. Add them, then settle those days.
              </li>
            ) : null}
          </ul>
          <IntentLink
            href={routes.admin.market}
            className="mt-2 inline-block text-sm font-medium underline underline-offset-4"
          >
            Open market data
          </IntentLink>
        </section>
      ) : null}

      {overview ? (
        <>
          <section aria-labelledby="sales-title" className="space-y-3">
            <h2 id="sales-title" className="font-semibold">
              Sales (paid orders, by UTC day placed)
            </h2>
            <dl className="grid gap-4 sm:grid-cols-3" data-testid="sales">
              {(
                [
                  ["Today", overview.sales.today, overview.sales.since.today],
                  ["Last 7 days", overview.sales.last7Days, overview.sales.since.last7Days],
                  ["Last 30 days", overview.sales.last30Days, overview.sales.since.last30Days],
                ] as const
              ).map(([label, window, from]) => (
                <Figure
                  key={label}
                  label={label}
                  value={formatUsd(window.cents)}
                  href={routes.admin.ordersSince(from)}
                  hint={`${formatInteger(window.orders)} orders · ${formatInteger(window.th)} TH`}
                />
              ))}
            </dl>
          </section>

          <section aria-labelledby="stock-title" className={card}>
            <h2 id="stock-title" className="font-semibold">
              Hashrate sold and left, per plan on sale
            </h2>
            {overview.products.length === 0 ? (
              <p className="mt-2 text-sm text-muted">No plans on sale.</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {overview.products.map((product) => {
                  const left = product.inventoryTh - product.soldTh;
                  const percent =
                    product.inventoryTh > 0 ? Math.round((100 * product.soldTh) / product.inventoryTh) : 100;
                  return (
                    <li key={product.id} className="space-y-1">
                      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                        <IntentLink
                          href={routes.admin.product(product.id)}
                          className="font-medium underline-offset-4 hover:underline"
                        >
                          {product.title}
                        </IntentLink>
                        <IntentLink
                          href={routes.admin.ordersOfProduct(product.id)}
                          className="tabular-nums text-muted underline-offset-4 hover:underline"
                        >
                          {formatInteger(product.soldTh)} TH sold (with reservations) · {formatInteger(left)} TH left of{" "}
                          {formatInteger(product.inventoryTh)}
                        </IntentLink>
                      </div>
                      <ProgressBar value={percent} label={`${product.title}: ${percent}% sold`} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="operations-title" className="space-y-3">
            <h2 id="operations-title" className="font-semibold">
              Mining, money and queues
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Figure
                label="Active contracts"
                value={formatInteger(overview.activeContracts)}
                href={routes.admin.ordersWithContract("active")}
                hint={`${formatInteger(overview.activeTh)} TH mining`}
              />
              <Figure
                label="Withdrawals waiting"
                value={formatInteger(overview.pendingWithdrawals)}
                href={routes.admin.withdrawals}
                hint={overview.pendingWithdrawals > 0 ? "waiting for an admin" : "Nothing waiting."}
                testId="pending-withdrawals"
              />
              <Figure
                label="Support tickets open"
                value={formatInteger(overview.openTickets)}
                href={routes.admin.supportByStatus("open")}
              />
              <Figure
                label="Staff actions, last 24 h"
                value={formatInteger(overview.staffActions24h)}
                href={routes.admin.audit}
              />
              <Figure
                label="Failed jobs, last 7 days"
                value={formatInteger(overview.jobs.failed7Days)}
                href={routes.admin.jobsByState("failed")}
                alert={overview.jobs.failed7Days > 0}
                hint={
                  !overview.jobs.running
                    ? "The job worker has never run on this database."
                    : overview.jobs.failed7Days > 0
                      ? "Needs a look: open the list for the errors."
                      : "None."
                }
              />
            </dl>
            <div className={card} data-testid="last-settlement">
              <h3 className="text-sm text-muted">Last settlement</h3>
              {overview.lastSettlement ? (
                <p className="mt-1 text-sm">
                  <span className="font-semibold">{overview.lastSettlement.day}</span>:{" "}
                  {formatInteger(overview.lastSettlement.contracts)} contracts credited{" "}
                  {formatBtc(overview.lastSettlement.sats)}, written {formatUtcDateTime(overview.lastSettlement.at)}{" "}
                  UTC.
                </p>
              ) : (
                <p className="mt-1 text-sm">No day has been settled yet.</p>
              )}
              <p
                className={`mt-1 text-sm ${overview.jobs.lastSettlementRun?.state === "failed" ? "font-semibold text-red-700 dark:text-red-400" : "text-muted"}`}
              >
                {overview.jobs.lastSettlementRun
                  ? `The daily settlement job last ran ${overview.jobs.lastSettlementRun.at ? `${formatUtcDateTime(overview.jobs.lastSettlementRun.at)} UTC` : ""}: ${overview.jobs.lastSettlementRun.state === "failed" ? "it failed (see failed jobs)" : overview.jobs.lastSettlementRun.state}.`
                  : "The daily settlement job has not run yet."}
              </p>
            </div>
          </section>
        </>
      ) : null}

      {kycFigures ? (
        <section aria-labelledby="kyc-queue-title" className={card}>
          <h2 id="kyc-queue-title" className="font-semibold">
            <IntentLink href={routes.admin.kyc} className="hover:underline">
              KYC queue
            </IntentLink>
          </h2>
          <p className="mt-1 text-sm text-muted">
            {kycFigures.waiting === 0 ? (
              "Nothing waiting."
            ) : (
              <>
                <IntentLink
                  href={routes.admin.kycByStatus("pending")}
                  className="font-semibold text-fg underline underline-offset-4"
                >
                  {formatInteger(kycFigures.waiting)} waiting
                </IntentLink>
                ,{" "}
                <IntentLink href={routes.admin.kycByStatus("flagged")} className="underline underline-offset-4">
                  {formatInteger(kycFigures.flagged)} flagged
                </IntentLink>{" "}
                by the pre-check; the oldest was sent{" "}
                {kycFigures.oldestSubmittedAt ? formatUtcDate(kycFigures.oldestSubmittedAt) : "—"}.
              </>
            )}
          </p>
        </section>
      ) : null}

      {privacy ? (
        <section aria-labelledby="privacy-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="privacy-title" className="font-semibold">
            <IntentLink href={routes.admin.privacy} className="hover:underline">
              Privacy requests
            </IntentLink>
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-3" data-testid="privacy-counts">
            {(
              [
                ["Open", privacy.open, routes.admin.privacyQueue({ status: "open" }), false],
                ["Due within 7 days", privacy.dueSoon, routes.admin.privacyQueue({ due: "soon" }), false],
                ["Overdue", privacy.overdue, routes.admin.privacyQueue({ due: "overdue" }), privacy.overdue > 0],
              ] as const
            ).map(([label, count, href, alarm]) => (
              <li key={label}>
                <IntentLink
                  href={href}
                  className={`block rounded-lg p-3 ring-1 hover:bg-chip ${alarm ? "bg-red-50 text-red-800 ring-red-300 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-500/40" : "ring-line"}`}
                >
                  <span className="block text-sm">{label}</span>
                  <span className="block text-2xl font-semibold tabular-nums">{formatInteger(count)}</span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {credits.length > 0 ? (
        <section aria-labelledby="credits-title" className={card}>
          <h2 id="credits-title" className="font-semibold">
            Credits waiting for a second admin
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {credits.map((credit) => (
              <li key={credit.id}>
                <IntentLink href={routes.admin.user(credit.userId)} className="underline underline-offset-4">
                  {credit.amount} to {credit.email}
                </IntentLink>{" "}
                <span className="text-muted">asked for by {credit.requestedBy ?? "a former admin"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!overview && !kycFigures && !privacy ? <EmptyState page>Nothing is waiting for you.</EmptyState> : null}
    </div>
  );
}
