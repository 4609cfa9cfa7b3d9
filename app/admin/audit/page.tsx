import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { auditEntries } from "@/lib/activity/queries";
import { routes, withParams } from "@/lib/routes";
import { auditListFilter, readFilter } from "@/lib/validation/lists";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  await requirePermission("audit.read", routes.admin.audit);
  const { cursor, ...filter } = readFilter(auditListFilter, await searchParams);
  const page = await auditEntries(filter, cursor);
  const entries = page.items;
  const input = "mt-0.5 block rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-xs text-subtle">
          Action starts with
          <input name="action" defaultValue={filter.action} placeholder="user.access" className={input} />
        </label>
        <label className="text-xs text-subtle">
          Staff email starts with
          <input name="actor" defaultValue={filter.actor} className={input} />
        </label>
        <label className="text-xs text-subtle">
          Target id
          <input name="target" defaultValue={filter.target} className={input} />
        </label>
        <label className="text-xs text-subtle">
          From
          <input type="date" name="from" defaultValue={filter.from} className={input} />
        </label>
        <label className="text-xs text-subtle">
          To
          <input type="date" name="to" defaultValue={filter.to} className={input} />
        </label>
        <button className="rounded-md px-3 py-1.5 text-sm ring-1 ring-line hover:bg-chip">Filter</button>
      </form>
      {entries.length === 0 ? (
        <EmptyState page>No entries match these filters.</EmptyState>
      ) : (
        <DataTable
          caption="Staff actions, newest first"
          columns={[
            { label: "When (UTC)" },
            { label: "Who" },
            { label: "Action" },
            { label: "Target" },
            { label: "Details" },
          ]}
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {entry.createdAt.toISOString().slice(0, 19).replace("T", " ")}
              </td>
              <td className="px-3 py-2">{entry.actor?.email ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
              <td className="px-3 py-2 font-mono text-xs">
                {entry.targetType ? `${entry.targetType}:${entry.targetId}` : "—"}
              </td>
              <td className="max-w-xs truncate px-3 py-2 font-mono text-xs" title={JSON.stringify(entry.details)}>
                {entry.details ? JSON.stringify(entry.details) : ""}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of the audit log"
        page={page}
        href={(next) => withParams(routes.admin.audit, { ...filter, cursor: next })}
      />
    </div>
  );
}
