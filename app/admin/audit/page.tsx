import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { auditEntries } from "@/lib/activity/queries";
import { routes } from "@/lib/routes";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

const filters = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  await requirePermission("audit.read", routes.admin.audit);
  const raw = await searchParams;
  const filter = filters.parse(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === "string" && value !== "")),
  );
  const entries = await auditEntries(filter);
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
          Staff email
          <input name="actor" defaultValue={filter.actor} className={input} />
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
    </div>
  );
}
