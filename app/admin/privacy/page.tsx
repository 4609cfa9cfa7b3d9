import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { RequestStatus } from "@/components/privacy/request-status";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDate } from "@/lib/format/date";
import type { PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { privacyQueue } from "@/lib/privacy/queries";
import { isOverdue, needsIdentity } from "@/lib/privacy/requests/rules";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { routes } from "@/lib/routes";
import { queueFilterInput, type QueueFilter } from "@/lib/validation/privacy";

export const metadata: Metadata = { title: "Privacy requests" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_FILTERS = [["open", "Open"], ...Object.entries(REQUEST_STATUS_LABELS), ["all", "All"]] as const;

const chip =
  "rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 aria-[current=page]:ring-amber-400 dark:aria-[current=page]:bg-amber-500/15";

export default async function PrivacyQueuePage({ searchParams }: Props) {
  await requirePermission("privacy.handle", routes.admin.privacy);
  const params = await searchParams;
  const parsed = queueFilterInput.parse({ type: params.type, status: params.status, due: params.due });
  const filter: QueueFilter = { ...parsed, status: parsed.status ?? "open" };
  const now = new Date();
  const rows = await privacyQueue(filter, now);
  const selectClass = "mt-1 block rounded-md border border-line bg-surface px-3 py-2 text-sm";

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Privacy requests</h1>
      <p className="text-sm text-muted">
        Every request is due 30 days after filing. An extension (at most two more months, with the reason) must be
        announced within those 30 days.
      </p>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {STATUS_FILTERS.map(([value, label]) => (
          <IntentLink
            key={value}
            href={routes.admin.privacyQueue({ type: filter.type, status: value })}
            aria-current={value === filter.status && !filter.due ? "page" : undefined}
            className={chip}
          >
            {label}
          </IntentLink>
        ))}
        <IntentLink
          href={routes.admin.privacyQueue({ type: filter.type, due: "soon" })}
          aria-current={filter.due === "soon" ? "page" : undefined}
          className={chip}
        >
          Due within 7 days
        </IntentLink>
        <IntentLink
          href={routes.admin.privacyQueue({ type: filter.type, due: "overdue" })}
          aria-current={filter.due === "overdue" ? "page" : undefined}
          className={chip}
        >
          Overdue
        </IntentLink>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="status" value={filter.status} />
        {filter.due ? <input type="hidden" name="due" value={filter.due} /> : null}
        <label className="font-medium">
          Type
          <select name="type" defaultValue={filter.type ?? ""} className={selectClass}>
            <option value="">All types</option>
            {(Object.keys(REQUEST_TYPE_SHORT) as PrivacyRequestType[]).map((type) => (
              <option key={type} value={type}>
                {REQUEST_TYPE_SHORT[type]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md px-4 py-2 font-semibold ring-1 ring-line hover:bg-chip">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState page>No requests here.</EmptyState>
      ) : (
        <DataTable
          caption="Privacy requests, the earliest due first"
          columns={[
            { label: "Due (UTC)" },
            { label: "Type" },
            { label: "Customer" },
            { label: "Status" },
            { label: "Filed (UTC)" },
            { label: "Assigned to" },
          ]}
        >
          {rows.map((row) => {
            const overdue = isOverdue(row, now);
            return (
              <tr key={row.id} data-testid="queue-row" className={overdue ? "bg-red-50 dark:bg-red-500/10" : undefined}>
                <td
                  className={`whitespace-nowrap px-3 py-2 tabular-nums ${overdue ? "font-semibold text-red-800 dark:text-red-300" : ""}`}
                >
                  {formatUtcDate(row.dueAt)}
                </td>
                <td className="px-3 py-2">
                  <IntentLink
                    href={routes.admin.privacyRequest(row.id)}
                    className="font-medium text-accent-ink underline underline-offset-4"
                  >
                    {REQUEST_TYPE_SHORT[row.type]}
                  </IntentLink>
                </td>
                <td className="px-3 py-2 break-all">{row.user?.email ?? "Erased customer"}</td>
                <td className="px-3 py-2">
                  <RequestStatus status={row.status} overdue={overdue} />
                  {needsIdentity(row.type) && !row.identityVerifiedAt ? (
                    <span className="block text-xs text-muted">Identity not confirmed yet</span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDate(row.createdAt)}</td>
                <td className="px-3 py-2">{row.assignee?.email ?? "—"}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
