import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ResendVerification } from "@/components/dashboard/resend-verification";
import { ButtonLink } from "@/components/ui/button-link";
import { requireUser } from "@/lib/auth/session";
import { DailyOutput } from "@/components/dashboard/daily-output";
import { kycStatusOf } from "@/lib/kyc/queries";
import { routes } from "@/lib/routes";
import { formatDateTimeWithUtc } from "@/lib/format/date";
import { formatInteger } from "@/lib/format/number";
import { satsToCents } from "@/lib/mining/expected-output";
import { formatBtc, formatSats, formatUsd } from "@/lib/money/format";
import { miningSummary } from "@/lib/settlement/queries";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser(routes.dashboard.home);
  const [{ verified }, kycStatus, mining] = await Promise.all([
    searchParams,
    kycStatusOf(user.id),
    miningSummary(user.id),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {verified === "1" ? (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-500/10 dark:text-green-300"
        >
          Your email is confirmed.
        </p>
      ) : null}
      {!user.emailVerifiedAt ? (
        <section
          aria-labelledby="verify-title"
          className="rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-500/40 dark:bg-amber-500/10"
        >
          <h2 id="verify-title" className="font-semibold">
            Confirm your email to start buying
          </h2>
          <p className="mt-1 text-sm text-muted">
            We sent a link to {user.email}. You can browse everything in the meantime.
          </p>
          <ResendVerification />
        </section>
      ) : null}
      {kycStatus !== "approved" ? (
        <section className="rounded-xl border border-line bg-surface p-5">
          <h2 className="font-semibold">
            {kycStatus === "pending" ? "Your identity check is being reviewed" : "Verify your identity"}
          </h2>
          <p className="mt-1 text-sm text-muted">Needed before purchases above $1,000 in total.</p>
          <IntentLink
            href={routes.dashboard.kyc}
            className="mt-3 inline-block text-sm font-medium text-accent-ink underline underline-offset-4"
          >
            {kycStatus === "pending" ? "See its status" : "Verify now"}
          </IntentLink>
        </section>
      ) : null}
      {!user.totpEnabledAt ? (
        <section className="rounded-xl border border-line bg-surface p-5">
          <h2 className="font-semibold">Protect your account with two-factor authentication</h2>
          <p className="mt-1 text-sm text-muted">It stops anyone who learns your password from signing in as you.</p>
          <IntentLink
            href={routes.dashboard.security}
            className="mt-3 inline-block text-sm font-medium text-accent-ink underline underline-offset-4"
          >
            Turn on 2FA
          </IntentLink>
        </section>
      ) : null}
      {mining.contracts === 0 ? (
        <section className="rounded-xl border border-dashed border-line p-8 text-center">
          <h2 className="font-semibold">No contracts yet</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-muted">
            When you buy hashrate, your contracts and wallet appear here.
          </p>
          <div className="mt-4 flex justify-center">
            <ButtonLink href={routes.plans}>Browse plans</ButtonLink>
          </div>
        </section>
      ) : (
        <>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Figure label="Active hashrate" value={`${formatInteger(mining.activeTh)} TH/s`} />
            <Figure
              label="BTC balance"
              value={formatBtc(mining.btcSats)}
              hint={
                mining.btcPriceCents
                  ? `${formatSats(mining.btcSats)} ≈ ${formatUsd(satsToCents(mining.btcSats, mining.btcPriceCents))}`
                  : formatSats(mining.btcSats)
              }
              testId="btc-balance"
            />
            <Figure
              label="Yesterday's output (UTC)"
              value={formatBtc(mining.yesterdaySats)}
              hint={formatSats(mining.yesterdaySats)}
            />
            <Figure label="Total mined" value={formatBtc(mining.totalSats)} hint={formatSats(mining.totalSats)} />
          </dl>
          <section aria-labelledby="output-title" className="rounded-xl border border-line bg-surface p-5">
            <h2 id="output-title" className="font-semibold">
              Daily output, last 30 days (UTC)
            </h2>
            <DailyOutput daily={mining.daily} />
          </section>
          <section aria-labelledby="ending-title" className="rounded-xl border border-line bg-surface p-5">
            <h2 id="ending-title" className="font-semibold">
              Contracts ending soon
            </h2>
            {mining.endingSoon.length === 0 ? (
              <p className="mt-1 text-sm text-muted">None in the next 7 days.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {mining.endingSoon.map((contract) => (
                  <li key={contract.id}>
                    <IntentLink href={routes.dashboard.contract(contract.id)} className="underline underline-offset-4">
                      {contract.title}
                    </IntentLink>{" "}
                    ends <span className="tabular-nums">{formatDateTimeWithUtc(contract.endsAt, user.timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-5">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
        {hint ? <span className="block text-xs font-normal text-subtle">{hint}</span> : null}
      </dd>
    </div>
  );
}
