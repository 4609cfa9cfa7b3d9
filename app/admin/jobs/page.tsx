import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { failedJobs } from "@/lib/console/queries";
import { formatUtcDateTime } from "@/lib/format/date";
import { routes, withParams } from "@/lib/routes";
import { jobListFilter, readFilter } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Failed jobs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FailedJobsPage({ searchParams }: Props) {
  await requirePermission("admin.overview", routes.admin.jobs);
  const filter = readFilter(jobListFilter, await searchParams);
  const page = await failedJobs(filter.cursor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Failed jobs</h1>
      <p className="max-w-prose text-sm text-muted">
        Background jobs that failed after their retries, newest first, with the error they reported. Every job is safe
        to run again: the next scheduled run picks up what a failed one left.
      </p>
      {page.items.length === 0 ? (
        <EmptyState page>No failed jobs.</EmptyState>
      ) : (
        <DataTable
          caption="Failed jobs, newest first"
          columns={[
            { label: "Failed (UTC)" },
            { label: "Job" },
            { label: "Retries", numeric: true },
            { label: "Error" },
          ]}
        >
          {page.items.map((job) => (
            <tr key={job.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(job.failedAt)}</td>
              <td className="px-3 py-2 font-mono text-xs">{job.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">{job.retries}</td>
              <td className="max-w-md px-3 py-2 text-xs">{job.error}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of failed jobs"
        page={page}
        href={(cursor) => withParams(routes.admin.jobs, { state: filter.state, cursor })}
      />
    </div>
  );
}
