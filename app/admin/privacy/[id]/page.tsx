import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import {
  ApplyRectificationButton,
  AssignForm,
  CompleteForm,
  ExtendForm,
  NoteForm,
  RefuseForm,
  SendToRecipientButton,
} from "@/components/privacy/officer-forms";
import { RequestStatus } from "@/components/privacy/request-status";
import { BackLink } from "@/components/ui/back-link";
import { Stat } from "@/components/ui/stat";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDate, formatUtcDateTime } from "@/lib/format/date";
import { KYC_STATUS_FOR_STAFF } from "@/lib/kyc/status-labels";
import { privacyOfficers, requestForOfficer } from "@/lib/privacy/queries";
import { RECTIFIABLE_FIELDS } from "@/lib/privacy/requests/rectifiable-fields";
import {
  DEFAULT_COMPLAINT_INFO,
  isOpen,
  isOverdue,
  mayStillExtend,
  needsIdentity,
  SENT_EVENT,
} from "@/lib/privacy/requests/rules";
import { EVENT_LABELS, PURPOSE_LABELS, REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Privacy request" };

type Props = { params: Promise<{ id: string }> };

export default async function PrivacyRequestPage({ params }: Props) {
  const officer = await requirePermission("privacy.handle", routes.admin.privacy);
  const row = await requestForOfficer((await params).id);
  if (!row) notFound();
  const now = new Date();
  const open = isOpen(row.status);
  const own = row.userId === officer.id;
  const overdue = isOverdue(row, now);
  const waitsForIdentity = needsIdentity(row.type) && !row.identityVerifiedAt;
  const officers = open ? await privacyOfficers() : [];
  const sentToRecipient = row.events.some((event) => event.type === SENT_EVENT);

  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.privacy}>Privacy requests</BackLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{REQUEST_TYPE_SHORT[row.type]} request</h1>
        <RequestStatus status={row.status} overdue={overdue} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="request-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="request-title" className="font-semibold">
            The request
          </h2>
          <dl className="mt-2 divide-y divide-line">
            <Stat label="Customer" value={row.user?.email ?? "Erased customer"} />
            <Stat label="Filed (UTC)" value={formatUtcDateTime(row.createdAt)} />
            <Stat
              label="Due (UTC)"
              value={`${formatUtcDate(row.dueAt)}${overdue ? " — overdue" : ""}${row.extendedAt ? " (extended)" : ""}`}
            />
            <Stat
              label="Identity confirmed"
              value={
                needsIdentity(row.type)
                  ? row.identityVerifiedAt
                    ? formatUtcDateTime(row.identityVerifiedAt)
                    : "Not yet"
                  : "Not needed"
              }
            />
            <Stat label="Assigned to" value={row.assignee?.email ?? "Nobody yet"} />
            {row.objectionPurpose ? <Stat label="Objects to" value={PURPOSE_LABELS[row.objectionPurpose]} /> : null}
            {row.recipientEmail ? <Stat label="Send to" value={row.recipientEmail} /> : null}
          </dl>
          <p className="mt-3 whitespace-pre-line rounded-md bg-chip px-3 py-2 text-sm">{row.details}</p>
          {row.extensionReason ? (
            <p className="mt-2 text-sm">
              <strong>Extension:</strong> {row.extensionReason}
            </p>
          ) : null}
          {row.response ? (
            <p className="mt-2 text-sm">
              <strong>Answer:</strong> {row.response}
            </p>
          ) : null}
          {row.decisionReason ? (
            <p className="mt-2 text-sm">
              <strong>Refused:</strong> {row.decisionReason}
              <span className="block text-muted">Where to complain: {row.complaintInfo}</span>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="actions-title" className="space-y-5 rounded-xl border border-line bg-surface p-5">
          <h2 id="actions-title" className="font-semibold">
            Handle it
          </h2>
          {own ? (
            <p className="text-sm text-muted">This is your own request; another privacy officer handles it.</p>
          ) : !open ? (
            <p className="text-sm text-muted">
              This request is closed{row.completedAt ? ` (${formatUtcDate(row.completedAt)})` : ""}.
            </p>
          ) : (
            <>
              {waitsForIdentity ? (
                <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-500/40 dark:bg-amber-500/10">
                  Waiting for the customer to confirm their identity in their privacy centre
                  {row.type === "erasure" ? "; the erasure can be completed after that." : "."}
                </p>
              ) : null}
              <AssignForm requestId={row.id} officers={officers} current={row.assignee?.id ?? officer.id} />
              {row.type === "rectification" && !row.rectifiedAt ? (
                <div className="space-y-2">
                  <h3 className="text-sm font-semibold">Requested change</h3>
                  <ul className="space-y-1 text-sm" data-testid="requested-change">
                    {row.requestedChange.map((change) => (
                      <li key={change.field}>
                        {RECTIFIABLE_FIELDS[change.field].label}:{" "}
                        <span className="text-muted">{change.current ?? "(empty)"}</span> → <strong>{change.to}</strong>
                      </li>
                    ))}
                  </ul>
                  <ApplyRectificationButton requestId={row.id} />
                </div>
              ) : null}
              {row.type === "erasure" && waitsForIdentity ? null : (
                <CompleteForm requestId={row.id} label={row.type === "erasure" ? "Erase and complete" : "Complete"} />
              )}
              {!row.extendedAt && mayStillExtend(row.createdAt, now) ? (
                <ExtendForm requestId={row.id} />
              ) : (
                <p className="text-sm text-muted">
                  {row.extendedAt
                    ? "Already extended once."
                    : "The first 30 days are over: the deadline can no longer be extended."}
                </p>
              )}
              <RefuseForm requestId={row.id} complaintInfo={DEFAULT_COMPLAINT_INFO} />
            </>
          )}
          {!own &&
          row.type === "portability" &&
          row.recipientEmail &&
          row.identityVerifiedAt &&
          row.status !== "refused" ? (
            sentToRecipient ? (
              <p className="text-sm text-muted">The export was sent to {row.recipientEmail}.</p>
            ) : row.exports.length > 0 ? (
              <SendToRecipientButton requestId={row.id} recipient={row.recipientEmail} />
            ) : (
              <p className="text-sm text-muted">The export is being prepared; it can be sent once it is ready.</p>
            )
          ) : null}
        </section>
      </div>

      {row.kycCase ? (
        <section aria-labelledby="kyc-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="kyc-title" className="font-semibold">
            The contested automated decision
          </h2>
          <dl className="mt-2 divide-y divide-line">
            <Stat label="KYC case status" value={KYC_STATUS_FOR_STAFF[row.kycCase.status]} />
            <Stat label="Pre-check flag" value={row.kycCase.flagged ? (row.kycCase.flagReason ?? "flagged") : "none"} />
            <Stat
              label="Sent (UTC)"
              value={row.kycCase.submittedAt ? formatUtcDateTime(row.kycCase.submittedAt) : "—"}
            />
            <Stat
              label="Decided (UTC)"
              value={row.kycCase.decidedAt ? formatUtcDateTime(row.kycCase.decidedAt) : "Not yet"}
            />
          </dl>
          {can(officer.role, "kyc.review") ? (
            <IntentLink
              href={routes.admin.kycCase(row.kycCase.id)}
              className="mt-3 inline-block text-sm font-medium text-accent-ink underline underline-offset-4"
            >
              Open the KYC case
            </IntentLink>
          ) : (
            <p className="mt-3 text-sm text-muted">
              The case&apos;s documents stay with the KYC reviewers; ask one to review the flag, then answer the
              customer here.
            </p>
          )}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="timeline-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="timeline-title" className="mb-3 font-semibold">
            Timeline
          </h2>
          {row.events.length === 0 ? <p className="text-sm text-muted">No steps recorded yet.</p> : null}
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {row.events.map((event) => (
              <li key={event.id}>
                <span className="tabular-nums text-subtle">{formatUtcDateTime(event.createdAt)}</span>{" "}
                {EVENT_LABELS[event.type] ?? event.type}
                {event.actor ? ` by ${event.actor.email}` : event.type === "filed" ? "" : " by the system"}
                {event.internal ? <span className="text-subtle"> (internal)</span> : null}
                {event.note ? <span className="block whitespace-pre-line text-muted">{event.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="notes-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="notes-title" className="mb-3 font-semibold">
            Add an internal note
          </h2>
          {own ? (
            <p className="text-sm text-muted">Notes on your own request are for another officer.</p>
          ) : (
            <NoteForm requestId={row.id} />
          )}
        </section>
      </div>
    </div>
  );
}
