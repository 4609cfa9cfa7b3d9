import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { requirePermission } from "@/lib/auth/session";
import { kycQueue } from "@/lib/kyc/queries";
import { formatUtcDateTime } from "@/lib/format/date";
import { routes, withParams } from "@/lib/routes";
import { Pager } from "@/components/ui/pager";
import { KYC_QUEUE_FILTERS, kycListFilter, readFilter, type KycQueueFilter } from "@/lib/validation/lists";
import { KYC_STATUS_FOR_STAFF } from "@/lib/kyc/status-labels";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "KYC queue" };

const LABELS: Record<KycQueueFilter, string> = {
  pending: "Waiting",
  flagged: "Flagged",
  resubmission_requested: "Sent back",
  approved: "Approved",
  rejected: "Rejected",
};
const FILTERS = KYC_QUEUE_FILTERS.map((value) => [value, LABELS[value]] as const);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KycQueuePage({ searchParams }: Props) {
  await requirePermission("kyc.review", routes.admin.kyc);
  const { status: filter, cursor } = readFilter(kycListFilter, await searchParams);
  const page = await kycQueue(filter, cursor);
  const cases = page.items;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">KYC queue</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {FILTERS.map(([value, label]) => (
          <IntentLink
            key={value}
            href={routes.admin.kycByStatus(value)}
            aria-current={value === filter ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 aria-[current=page]:ring-amber-400 dark:aria-[current=page]:bg-amber-500/15"
          >
            {label}
          </IntentLink>
        ))}
      </nav>
      {cases.length === 0 ? (
        <EmptyState page>No cases here. Nice.</EmptyState>
      ) : (
        <ol className="divide-y divide-line rounded-xl border border-line bg-surface">
          {cases.map((kycCase) => (
            <li key={kycCase.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <IntentLink
                  href={routes.admin.kycCase(kycCase.id)}
                  className="font-medium text-accent-ink underline underline-offset-4"
                >
                  {kycCase.user.email}
                </IntentLink>
                <p className="text-xs text-subtle">
                  Sent {kycCase.submittedAt ? formatUtcDateTime(kycCase.submittedAt) : "—"} UTC
                  {kycCase.flagged ? " · flagged by the pre-check" : ""}
                  {kycCase.humanReviewRequestedAt ? " · human review asked" : ""}
                </p>
              </div>
              <span className="rounded-full bg-chip px-2.5 py-0.5 text-xs">{KYC_STATUS_FOR_STAFF[kycCase.status]}</span>
            </li>
          ))}
        </ol>
      )}
      <Pager
        label="Pages of the queue"
        page={page}
        previousLabel="Earlier"
        nextLabel="Later"
        href={(next) => withParams(routes.admin.kyc, { status: filter, cursor: next })}
      />
    </div>
  );
}
