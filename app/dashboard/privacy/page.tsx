import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { IdentityForm } from "@/components/privacy/identity-form";
import { PrivacyRequestForm } from "@/components/privacy/request-form";
import { RequestStatus } from "@/components/privacy/request-status";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/date";
import { ownProcessingState, ownRequests } from "@/lib/privacy/queries";
import { RECTIFIABLE_FIELDS } from "@/lib/privacy/requests/rectifiable-fields";
import { isOpen, needsIdentity } from "@/lib/privacy/requests/rules";
import { EVENT_LABELS, PURPOSE_LABELS, REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Privacy centre" };

export default async function PrivacyCentrePage() {
  const user = await requireUser(routes.dashboard.privacy);
  const [requests, processing] = await Promise.all([ownRequests(user.id), ownProcessingState(user.id)]);
  const now = new Date();
  const contestable =
    processing.flaggedKycCase !== null &&
    !requests.some((row) => row.type === "automated_decision_review" && isOpen(row.status));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Privacy centre</h1>
      <p className="text-sm text-muted">
        Use the rights our{" "}
        <IntentLink href={routes.privacy} className="text-accent-ink underline underline-offset-4">
          privacy policy
        </IntentLink>{" "}
        describes. We answer every request within 30 days of filing; if we need longer (at most two more months), we
        tell you why within those 30 days.
      </p>

      <section aria-labelledby="processing-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="processing-title" className="font-semibold">
          How we use your data now
        </h2>
        {processing.restrictedAt || processing.objections.length > 0 ? (
          <div className="mt-2 space-y-2 text-sm" data-testid="restrictions">
            {processing.restrictedAt ? (
              <p>
                <strong>Processing is restricted</strong> since {formatDate(processing.restrictedAt, user.timeZone)}:
                marketing email, analytics and advertising are off.
              </p>
            ) : null}
            {processing.objections.length > 0 ? (
              <p>
                <strong>You objected to:</strong>{" "}
                {processing.objections.map((purpose) => PURPOSE_LABELS[purpose]).join(", ")}. We no longer use your data
                for {processing.objections.length === 1 ? "it" : "them"}.
              </p>
            ) : null}
            <p className="text-muted">
              Essential processing continues: we keep running your contracts, settling their mining output, holding your
              balance and sending the emails your account needs, because we cannot provide the service you bought
              without them; and we keep the records the law requires (transactions, identity checks).
            </p>
          </div>
        ) : (
          <p className="mt-2 text-sm text-muted">
            Nothing is restricted. File a restriction or an objection below to stop non-essential uses such as marketing
            and analytics.
          </p>
        )}
      </section>

      <section aria-labelledby="requests-title" className="space-y-3">
        <h2 id="requests-title" className="font-semibold">
          Your requests
        </h2>
        {requests.length === 0 ? (
          <EmptyState>You have not made a request yet.</EmptyState>
        ) : (
          <ol className="space-y-3">
            {requests.map((row) => {
              const overdue = isOpen(row.status) && row.dueAt < now;
              const liveExport = row.exports.find((file) => file.expiresAt > now);
              return (
                <li
                  key={row.id}
                  id={`request-${row.id}`}
                  className="scroll-mt-24 rounded-xl border border-line bg-surface p-4 text-sm"
                  data-testid="privacy-request"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{REQUEST_TYPE_SHORT[row.type]}</h3>
                    <RequestStatus status={row.status} overdue={overdue} />
                  </div>
                  <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
                    <div>
                      <dt className="inline text-muted">Filed: </dt>
                      <dd className="inline tabular-nums">{formatDate(row.createdAt, user.timeZone)}</dd>
                    </div>
                    <div>
                      <dt className="inline text-muted">Due: </dt>
                      <dd className="inline tabular-nums" data-testid="due-date">
                        {formatDate(row.dueAt, user.timeZone)}
                      </dd>
                    </div>
                    {row.objectionPurpose ? (
                      <div>
                        <dt className="inline text-muted">Purpose: </dt>
                        <dd className="inline">{PURPOSE_LABELS[row.objectionPurpose]}</dd>
                      </div>
                    ) : null}
                    {row.recipientEmail ? (
                      <div>
                        <dt className="inline text-muted">Recipient: </dt>
                        <dd className="inline break-all">{row.recipientEmail}</dd>
                      </div>
                    ) : null}
                    {row.requestedChange.map((change) => (
                      <div key={change.field}>
                        <dt className="inline text-muted">{RECTIFIABLE_FIELDS[change.field].label} should be: </dt>
                        <dd className="inline">{change.to}</dd>
                      </div>
                    ))}
                  </dl>
                  <p className="mt-2 whitespace-pre-line text-muted">{row.details}</p>
                  {row.extendedAt ? (
                    <p className="mt-2" data-testid="extension">
                      <strong>Extended</strong> on {formatDate(row.extendedAt, user.timeZone)}: {row.extensionReason}
                    </p>
                  ) : null}
                  {row.status === "completed" && row.response ? (
                    <p className="mt-2 whitespace-pre-line rounded-md bg-chip px-3 py-2" data-testid="outcome">
                      <strong>Outcome:</strong> {row.response}
                    </p>
                  ) : null}
                  {row.status === "refused" ? (
                    <div className="mt-2 space-y-1 rounded-md bg-chip px-3 py-2" data-testid="outcome">
                      <p className="whitespace-pre-line">
                        <strong>Why we refused:</strong> {row.decisionReason}
                      </p>
                      <p className="whitespace-pre-line">
                        <strong>Where to complain:</strong> {row.complaintInfo}
                      </p>
                    </div>
                  ) : null}
                  {liveExport ? (
                    <p className="mt-2">
                      <a
                        href={routes.api.privacyExport(liveExport.id)}
                        className="font-medium text-accent-ink underline underline-offset-4"
                      >
                        Download your data (zip)
                      </a>{" "}
                      <span className="text-muted">
                        available until {formatDate(liveExport.expiresAt, user.timeZone)}
                      </span>
                    </p>
                  ) : row.exports.length > 0 ? (
                    <p className="mt-2 text-muted">The download has expired and the file is deleted.</p>
                  ) : null}
                  {needsIdentity(row.type) && !row.identityVerifiedAt && isOpen(row.status) ? (
                    <IdentityForm requestId={row.id} twoFactor={user.totpEnabledAt !== null} />
                  ) : null}
                  {row.events.length > 0 ? (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-muted">History</summary>
                      <ol className="mt-1 space-y-1">
                        {row.events.map((event) => (
                          <li key={event.id}>
                            <span className="tabular-nums text-subtle">
                              {formatDate(event.createdAt, user.timeZone)}
                            </span>{" "}
                            {EVENT_LABELS[event.type] ?? event.type}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="new-request-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="new-request-title" className="mb-3 font-semibold">
          Make a request
        </h2>
        <PrivacyRequestForm canContest={contestable} />
      </section>
    </div>
  );
}
