import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ApiKeyTable } from "@/components/security/api-key-table";
import { NewApiKeyForm } from "@/components/security/new-api-key-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ChangePasswordForm } from "@/components/security/change-password-form";
import { TwoFactorSettings } from "@/components/security/two-factor-settings";
import { ACTIVITY_LABELS, type ActivityType } from "@/lib/activity/record";
import { remainingRecoveryCodes } from "@/lib/auth/recovery-codes";
import { requireUser } from "@/lib/auth/session";
import { describeBrowser } from "@/lib/activity/describe-browser";
import { recentActivity } from "@/lib/activity/queries";
import { apiKeysOf } from "@/lib/api-keys/queries";
import { MAX_LIVE_API_KEYS, STAFF_REFUSAL } from "@/lib/api-keys/rules";
import { formatDateTime } from "@/lib/format/date";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Security" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SecurityPage({ searchParams }: Props) {
  const user = await requireUser(routes.dashboard.security);
  const { changed, required } = await searchParams;
  const customer = user.role === "customer";
  const [activity, recoveryLeft, apiKeys] = await Promise.all([
    recentActivity(user.id),
    user.totpEnabledAt ? remainingRecoveryCodes(user.id) : Promise.resolve(0),
    customer ? apiKeysOf(user.id) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
      {required === "staff-2fa" && !user.totpEnabledAt ? (
        <p
          role="alert"
          className="rounded-md border border-amber-500/60 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
        >
          Staff accounts need two-factor authentication. Turn it on below; the staff console opens once it is on.
        </p>
      ) : null}
      {changed === "password" ? (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-500/10 dark:text-green-300"
        >
          Password changed. Every other session was signed out.
        </p>
      ) : null}

      <section aria-labelledby="twofa-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="twofa-title" className="mb-3 font-semibold">
          Two-factor authentication
        </h2>
        <TwoFactorSettings enabled={Boolean(user.totpEnabledAt)} remainingRecoveryCodes={recoveryLeft} />
      </section>

      <section aria-labelledby="password-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="password-title" className="mb-3 font-semibold">
          Password
        </h2>
        <ChangePasswordForm email={user.email} />
      </section>

      <section aria-labelledby="api-keys-title" className="space-y-4 rounded-xl border border-line bg-surface p-5">
        <h2 id="api-keys-title" className="font-semibold">
          API keys
        </h2>
        {customer ? (
          <>
            {apiKeys.length === 0 ? (
              <EmptyState>
                A personal API key lets your own scripts and spreadsheets read your contracts, earnings and orders (and,
                if you allow it, place orders) without your password. You have none yet.{" "}
                <IntentLink href={routes.customerApi.reference} className="font-medium underline underline-offset-4">
                  How the API works
                </IntentLink>
              </EmptyState>
            ) : (
              <>
                <p className="text-sm text-muted">
                  Up to {MAX_LIVE_API_KEYS} live keys. Anyone holding a key can do what it allows until it expires or
                  you revoke it.{" "}
                  <IntentLink href={routes.customerApi.reference} className="font-medium underline underline-offset-4">
                    API documentation
                  </IntentLink>
                </p>
                <ApiKeyTable keys={apiKeys} timeZone={user.timeZone} />
              </>
            )}
            <h3 className="pt-2 text-sm font-semibold">New key</h3>
            <NewApiKeyForm twoFactor={Boolean(user.totpEnabledAt)} />
          </>
        ) : (
          <p className="text-sm text-muted">{STAFF_REFUSAL}</p>
        )}
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title" className="font-semibold">
          Recent activity
        </h2>
        {activity.length === 0 ? (
          <p className="mt-2 text-sm text-muted">Nothing yet.</p>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Sign-ins and security changes, newest first"
              columns={[{ label: "When" }, { label: "What" }, { label: "IP address" }, { label: "Browser" }]}
            >
              {activity.map((event) => (
                <tr
                  key={event.id}
                  className={
                    event.type === "sign_in_failed" || event.type === "second_factor_failed"
                      ? "text-red-700 dark:text-red-400"
                      : undefined
                  }
                >
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {formatDateTime(event.createdAt, user.timeZone)}
                  </td>
                  <td className="px-3 py-2">{ACTIVITY_LABELS[event.type as ActivityType] ?? event.type}</td>
                  <td className="px-3 py-2 tabular-nums">{event.ip ?? "—"}</td>
                  <td className="px-3 py-2">{describeBrowser(event.userAgent)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
