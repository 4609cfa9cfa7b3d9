import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatInteger } from "@/lib/format/number";
import { formatUtcDate } from "@/lib/format/date";
import { kycQueueSummary } from "@/lib/kyc/queries";
import { pendingCredits } from "@/lib/ledger/credit-balance";
import { consoleOverview } from "@/lib/users/queries";
import { routes } from "@/lib/routes";
import { pendingWithdrawalCount } from "@/lib/withdrawals/queries";
import { daysMissingSnapshot, hasTodaysSnapshot } from "@/lib/market/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { privacySummary } from "@/lib/privacy/queries";

export const metadata: Metadata = { title: "Staff console" };

export default async function AdminOverviewPage() {
  const user = await requirePermission("staff.console", routes.admin.home);
  const kyc = can(user.role, "kyc.review") ? await kycQueueSummary() : null;
  const overview = can(user.role, "admin.overview") ? await consoleOverview() : null;
  const credits = can(user.role, "users.manage") ? await pendingCredits() : [];
  const withdrawals = can(user.role, "withdrawals.manage") ? await pendingWithdrawalCount() : null;
  const privacy = can(user.role, "privacy.handle") ? await privacySummary() : null;
  const market = can(user.role, "market.manage")
    ? { today: await hasTodaysSnapshot(), missing: await daysMissingSnapshot() }
    : null;
  return (
    <div className="space-y-6">
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
          <Link
            href={routes.admin.market}
            className="mt-2 inline-block text-sm font-medium underline underline-offset-4"
          >
            Open market data
          </Link>
        </section>
      ) : null}
      {kyc ? (
        <section aria-labelledby="kyc-queue-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="kyc-queue-title" className="font-semibold">
            <Link href={routes.admin.kyc} className="hover:underline">
              KYC queue
            </Link>
          </h2>
          <p className="mt-1 text-sm text-muted">
            {kyc.waiting === 0
              ? "Nothing waiting."
              : `${formatInteger(kyc.waiting)} waiting, ${formatInteger(kyc.flagged)} flagged by the pre-check; the oldest was sent ${kyc.oldestSubmittedAt ? formatUtcDate(kyc.oldestSubmittedAt) : "—"}.`}
          </p>
        </section>
      ) : null}
      {privacy ? (
        <section aria-labelledby="privacy-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="privacy-title" className="font-semibold">
            <Link href={routes.admin.privacy} className="hover:underline">
              Privacy requests
            </Link>
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
                <Link
                  href={href}
                  className={`block rounded-lg p-3 ring-1 hover:bg-chip ${alarm ? "bg-red-50 text-red-800 ring-red-300 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-500/40" : "ring-line"}`}
                >
                  <span className="block text-sm">{label}</span>
                  <span className="block text-2xl font-semibold tabular-nums">{formatInteger(count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {withdrawals !== null ? (
        <section aria-labelledby="withdrawals-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="withdrawals-title" className="font-semibold">
            <Link href={routes.admin.withdrawals} className="hover:underline">
              Withdrawals
            </Link>
          </h2>
          <p className="mt-1 text-sm text-muted" data-testid="pending-withdrawals">
            {withdrawals === 0 ? "Nothing waiting." : `${formatInteger(withdrawals)} waiting for an admin.`}
          </p>
        </section>
      ) : null}
      {credits.length > 0 ? (
        <section aria-labelledby="credits-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="credits-title" className="font-semibold">
            Credits waiting for a second admin
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {credits.map((credit) => (
              <li key={credit.id}>
                <Link href={routes.admin.user(credit.userId)} className="underline underline-offset-4">
                  {credit.amount} to {credit.email}
                </Link>{" "}
                <span className="text-muted">asked for by {credit.requestedBy ?? "a former admin"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overview ? (
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ["Customers", overview.customers],
            ["With confirmed email", overview.confirmed],
            ["Plans on sale", overview.plansOnSale],
            ["Staff actions, last 24 h", overview.staffActions],
          ].map(([label, value]) => (
            <div key={label} className="rounded-xl border border-line bg-surface p-4">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatInteger(value as number)}</dd>
            </div>
          ))}
        </dl>
      ) : kyc || privacy ? null : (
        <EmptyState page>Nothing is waiting for you.</EmptyState>
      )}
    </div>
  );
}
