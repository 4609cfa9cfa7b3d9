import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { CookieSettingsButton } from "@/components/privacy/cookie-settings-button";
import { MarketingPreferenceForm } from "@/components/privacy/marketing-preference-form";
import { RestrictionSummary } from "@/components/privacy/restriction-summary";
import { DataTable } from "@/components/ui/data-table";
import { describeBrowser } from "@/lib/activity/describe-browser";
import { requireUser } from "@/lib/auth/session";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { formatDateTime } from "@/lib/format/date";
import { PURPOSE_LABELS, SOURCE_LABELS } from "@/lib/privacy/consent/labels";
import { consentHistory, processingLimits } from "@/lib/privacy/consent/queries";
import { CURRENT_TERMS, termsDate } from "@/lib/privacy/terms";
import { termsAcceptances } from "@/lib/privacy/terms/queries";
import { routes } from "@/lib/routes";
import { timeZoneGroups } from "@/lib/time/time-zones";

export const metadata: Metadata = { title: "Settings" };

const cell = "px-3 py-2";

export default async function SettingsPage() {
  const user = await requireUser(routes.dashboard.settings);
  const [limits, history, acceptances] = await Promise.all([
    processingLimits(user.id),
    consentHistory(user.id),
    termsAcceptances(user.id),
  ]);
  const restricted = Boolean(limits.restrictedAt);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>

      <RestrictionSummary limits={limits} timeZone={user.timeZone} />

      <section aria-labelledby="time-zone-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="time-zone-title" className="mb-1 font-semibold">
          Time zone
        </h2>
        <p className="mb-4 text-sm text-muted">
          Now {formatDateTime(new Date(), user.timeZone)} in {user.timeZone}.
        </p>
        <TimeZoneForm current={user.timeZone} groups={timeZoneGroups()} />
      </section>

      <section aria-labelledby="email-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="email-title" className="mb-1 font-semibold">
          Communication preferences
        </h2>
        <p className="mb-4 text-sm text-muted">Sent to {user.email}.</p>
        <MarketingPreferenceForm marketing={limits.current.marketing} restricted={restricted} />
      </section>

      <section aria-labelledby="cookies-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="cookies-title" className="mb-1 font-semibold">
          Cookies
        </h2>
        <p className="text-sm text-muted">
          Your cookie choice is kept by each browser. Changes made while signed in also join the history below.
        </p>
        <CookieSettingsButton className="mt-3 cursor-pointer rounded-md bg-surface px-4 py-2 text-sm font-semibold ring-1 ring-line hover:bg-chip">
          Change cookie settings
        </CookieSettingsButton>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="font-semibold">
          Consent history
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-sm text-muted">
            No choices recorded yet. Marketing, analytics and advertising are off until you switch them on.
          </p>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Your consent choices, newest first"
              columns={[
                { label: "When" },
                { label: "What" },
                { label: "Choice" },
                { label: "Where" },
                { label: "IP address" },
                { label: "Browser" },
              ]}
            >
              {history.map((row) => (
                <tr key={row.id}>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    {formatDateTime(row.createdAt, user.timeZone)}
                  </td>
                  <td className={cell}>{PURPOSE_LABELS[row.purpose]}</td>
                  <td className={cell}>{row.granted ? "On" : "Off"}</td>
                  <td className={cell}>{SOURCE_LABELS[row.source]}</td>
                  <td className={`${cell} tabular-nums`}>{row.ip ?? "—"}</td>
                  <td className={cell}>{row.userAgent ? describeBrowser(row.userAgent) : "—"}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>

      <section aria-labelledby="terms-title">
        <h2 id="terms-title" className="font-semibold">
          Terms of service
        </h2>
        <p className="mt-1 text-sm text-muted">
          The version in force is of {termsDate(CURRENT_TERMS)}.{" "}
          <IntentLink href={routes.terms} className="text-accent-ink underline underline-offset-4">
            Read the terms
          </IntentLink>
        </p>
        {acceptances.length === 0 ? (
          <p className="mt-2 text-sm text-muted">You have not accepted a version yet.</p>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Versions of the terms you accepted, newest first"
              columns={[{ label: "Version" }, { label: "Accepted" }, { label: "How" }, { label: "IP address" }]}
            >
              {acceptances.map((row) => (
                <tr key={row.id}>
                  <td className={cell}>
                    <IntentLink
                      href={row.version === CURRENT_TERMS.id ? routes.terms : routes.termsVersion(row.version)}
                      className="text-accent-ink underline underline-offset-4"
                    >
                      {termsDate({ id: row.version })}
                    </IntentLink>
                  </td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    {formatDateTime(row.acceptedAt, user.timeZone)}
                  </td>
                  <td className={cell}>{row.source === "sign_up" ? "When signing up" : "In the dashboard"}</td>
                  <td className={`${cell} tabular-nums`}>{row.ip ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
