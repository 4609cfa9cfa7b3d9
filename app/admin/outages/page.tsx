import type { Metadata } from "next";
import { OutageForm } from "@/components/outages/outage-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDateTime } from "@/lib/format/date";
import { listOutages, machineModels } from "@/lib/outages/queries";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Outages" };

export default async function AdminOutagesPage() {
  await requirePermission("outages.manage", routes.admin.outages);
  const [outages, models] = await Promise.all([listOutages(), machineModels()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Outages</h1>
      <p className="max-w-2xl text-sm text-muted">
        Contracts on the stopped machines earn nothing for the hours lost and run that much longer; their owners are
        emailed. Hours already lost to an overlapping outage are not counted twice.
      </p>
      <section aria-labelledby="record-outage" className="space-y-3">
        <h2 id="record-outage" className="text-lg font-semibold">
          Record an outage
        </h2>
        <OutageForm models={models} />
      </section>
      <section aria-labelledby="outage-list" className="space-y-3">
        <h2 id="outage-list" className="text-lg font-semibold">
          Recorded outages
        </h2>
        {outages.length === 0 ? (
          <p className="text-sm text-muted">No outages recorded.</p>
        ) : (
          <DataTable
            caption="Recorded outages, newest first"
            columns={[
              { label: "Start (UTC)" },
              { label: "End (UTC)" },
              { label: "Machine models" },
              { label: "Reason" },
              { label: "Contracts extended", numeric: true },
            ]}
          >
            {outages.map((outage) => (
              <tr key={outage.id}>
                <td className="px-3 py-2 tabular-nums">{formatUtcDateTime(outage.startedAt)}</td>
                <td className="px-3 py-2 tabular-nums">{formatUtcDateTime(outage.endedAt)}</td>
                <td className="px-3 py-2">{outage.machineModels.join(", ")}</td>
                <td className="px-3 py-2">{outage.reason}</td>
                <td className="px-3 py-2 text-right tabular-nums">{outage._count.extensions}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
