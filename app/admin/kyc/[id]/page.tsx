import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { DecisionForm, NoteForm } from "@/components/kyc/review-forms";
import { Stat } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/session";
import { kycCaseForReview } from "@/lib/kyc/queries";
import { countryName } from "@/lib/validation/countries";
import { DOCUMENT_LABELS, ID_TYPES } from "@/lib/validation/kyc";
import { formatUtcDate, formatUtcDateTime } from "@/lib/format/date";
import { routes } from "@/lib/routes";
import { KYC_STATUS_FOR_STAFF } from "@/lib/kyc/status-labels";

export const metadata: Metadata = { title: "KYC case" };

type Props = { params: Promise<{ id: string }> };

export default async function KycCasePage({ params }: Props) {
  const reviewer = await requirePermission("kyc.review", routes.admin.kyc);
  const kycCase = await kycCaseForReview((await params).id);
  if (!kycCase) notFound();
  const details = kycCase.details;
  const current = kycCase.documents.filter((document) => !document.supersededAt);
  const ownCase = kycCase.userId === reviewer.id;

  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.kyc}>KYC queue</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{kycCase.user.email}</h1>
      <p className="text-sm text-muted" data-testid="case-status">
        Status: {KYC_STATUS_FOR_STAFF[kycCase.status]}
      </p>
      {kycCase.flagged ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-500/40 dark:bg-amber-500/10">
          <strong>Pre-check:</strong> {kycCase.flagReason}
          {kycCase.humanReviewRequestedAt ? " The customer asked for a human review of this flag." : ""}
        </p>
      ) : (
        <p className="text-sm text-muted">Pre-check: nothing flagged.</p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="details-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="details-title" className="font-semibold">
            Details
          </h2>
          {details ? (
            <dl className="mt-2 divide-y divide-line">
              <Stat label="Legal name" value={details.legalName} />
              <Stat label="Date of birth" value={details.dateOfBirth} />
              <Stat label="Nationality" value={countryName(details.nationality)} />
              <Stat
                label="Address"
                value={[
                  details.addressLine1,
                  details.addressLine2,
                  `${details.postalCode} ${details.city}`,
                  countryName(details.country),
                ]
                  .filter(Boolean)
                  .join(", ")}
              />
              <Stat label="ID" value={`${ID_TYPES[details.idType]} ${details.idNumber}`} />
            </dl>
          ) : (
            <p className="mt-2 text-sm text-muted">Nothing submitted yet.</p>
          )}
        </section>
        <section aria-labelledby="decision-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="decision-title" className="mb-3 font-semibold">
            Decision
          </h2>
          {ownCase ? (
            <p className="text-sm text-muted">This is your own case; another reviewer must decide it.</p>
          ) : kycCase.status === "pending" ? (
            <DecisionForm caseId={kycCase.id} />
          ) : (
            <p className="text-sm text-muted">
              Decided{kycCase.decidedAt ? ` on ${formatUtcDate(kycCase.decidedAt)}` : ""}. Nothing is waiting.
            </p>
          )}
        </section>
      </div>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title" className="font-semibold">
          Documents
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {current.map((document) => (
            <figure key={document.id} className="rounded-xl border border-line bg-surface p-3">
              {document.mimeType === "application/pdf" ? (
                <a
                  href={routes.api.kycDocument(document.id)}
                  target="_blank"
                  rel="noreferrer"
                  className="block rounded-md bg-chip p-8 text-center text-sm text-accent-ink underline"
                >
                  Open PDF
                </a>
              ) : (
                // eslint-disable-next-line @next/next/no-img-element -- served by our authorised route, not optimisable
                <img
                  src={routes.api.kycDocument(document.id)}
                  alt={DOCUMENT_LABELS[document.kind]}
                  className="max-h-72 w-full rounded-md object-contain"
                />
              )}
              <figcaption className="mt-2 text-xs text-subtle">
                {DOCUMENT_LABELS[document.kind]} · {(document.sizeBytes / 1024).toFixed(0)} KB
              </figcaption>
            </figure>
          ))}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="notes-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="notes-title" className="mb-3 font-semibold">
            Internal notes
          </h2>
          <ul className="mb-4 space-y-2 text-sm">
            {kycCase.notes.map((note) => (
              <li key={note.id} className="rounded-md bg-chip px-3 py-2">
                {note.body}
                <span className="block text-xs text-subtle">
                  {note.author?.email ?? "—"} · {formatUtcDateTime(note.createdAt)}
                </span>
              </li>
            ))}
          </ul>
          <NoteForm caseId={kycCase.id} />
        </section>
        <section aria-labelledby="timeline-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="timeline-title" className="mb-3 font-semibold">
            Timeline
          </h2>
          <ol className="space-y-2 text-sm">
            {kycCase.events.map((event) => (
              <li key={event.id}>
                <span className="tabular-nums text-subtle">{formatUtcDateTime(event.createdAt)}</span>{" "}
                {event.type.replace(/_/g, " ")}
                {event.actor ? ` by ${event.actor.email}` : ""}
                {event.message ? <span className="block text-muted">{event.message}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
