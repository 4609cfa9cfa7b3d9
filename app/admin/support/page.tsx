import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDateTime } from "@/lib/format/date";
import { routes, withParams } from "@/lib/routes";
import { ticketInbox } from "@/lib/support/queries";
import { TICKET_STATUS_LABELS } from "@/lib/support/status-labels";
import { readFilter, supportListFilter } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Support" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SupportInboxPage({ searchParams }: Props) {
  const staff = await requirePermission("support.handle", routes.admin.support);
  const filter = readFilter(supportListFilter, await searchParams);
  const page = await ticketInbox(
    { status: filter.status, assigneeId: filter.mine ? staff.id : undefined },
    filter.cursor,
  );
  const kept = { status: filter.status, mine: filter.mine };
  const chips: [string, string, Record<string, string | undefined>][] = [
    ["all", "All", {}],
    ...Object.entries(TICKET_STATUS_LABELS).map(
      ([value, label]) => [value, label, { status: value }] as [string, string, Record<string, string>],
    ),
    ["mine", "Assigned to me", { mine: "1" }],
  ];
  const current = filter.mine ? "mine" : (filter.status ?? "all");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Support</h1>
      <nav aria-label="Filter tickets" className="flex flex-wrap gap-2 text-sm">
        {chips.map(([value, label, params]) => (
          <IntentLink
            key={value}
            href={withParams(routes.admin.support, params)}
            aria-current={current === value ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 dark:aria-[current=page]:bg-amber-500/15"
          >
            {label}
          </IntentLink>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState page>No tickets here.</EmptyState>
      ) : (
        <DataTable
          caption="Support tickets, latest message first"
          columns={[
            { label: "Ticket" },
            { label: "Subject" },
            { label: "From" },
            { label: "Last message (UTC)" },
            { label: "Status" },
            { label: "Assigned to" },
          ]}
        >
          {page.items.map((ticket) => (
            <tr key={ticket.id} data-testid="ticket-row">
              <td className="px-3 py-2 tabular-nums">{ticket.number}</td>
              <td className="max-w-64 truncate px-3 py-2">
                <IntentLink
                  href={routes.admin.supportTicket(ticket.id)}
                  className="text-accent-ink underline underline-offset-4"
                >
                  {ticket.subject}
                </IntentLink>
              </td>
              <td className="px-3 py-2">
                {ticket.email}
                {ticket.userId ? null : <span className="block text-xs text-subtle">not signed in</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(ticket.lastMessageAt)}</td>
              <td className="px-3 py-2">{TICKET_STATUS_LABELS[ticket.status]}</td>
              <td className="px-3 py-2">{ticket.assignee?.email ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of tickets"
        page={page}
        href={(cursor) => withParams(routes.admin.support, { ...kept, cursor })}
      />
    </div>
  );
}
