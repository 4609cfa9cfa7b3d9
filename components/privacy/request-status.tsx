import { CircleAlert } from "lucide-react";
import type { PrivacyRequestStatus } from "@/lib/generated/prisma/enums";
import { REQUEST_STATUS_LABELS } from "@/lib/privacy/status-labels";

// A request's status as a chip; an overdue one says so in words and red, not by colour alone.
export function RequestStatus({ status, overdue = false }: { status: PrivacyRequestStatus; overdue?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="rounded-full bg-chip px-2.5 py-0.5 text-xs" data-testid="request-status">
        {REQUEST_STATUS_LABELS[status]}
      </span>
      {overdue ? (
        <span
          className="inline-flex items-center gap-1 rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-500/15 dark:text-red-300"
          data-testid="overdue"
        >
          <CircleAlert className="size-3.5" aria-hidden /> Overdue
        </span>
      ) : null}
    </span>
  );
}
