import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { formatDateTime } from "@/lib/format/date";
import type { HistoryLine } from "@/lib/ledger/history";
import type { Page } from "@/lib/pagination";

// One ledger account's movements, newest first, with the balance after each: the wallet shows
// one for USD and one for BTC, each with its own units and its own pages.
export function HistorySection({
  id,
  title,
  caption,
  empty,
  page,
  pageHref,
  amount,
  balance,
  creditColour = false,
  timeZone,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  page: Page<HistoryLine>;
  pageHref: (cursor: string | null) => string;
  amount: (value: bigint) => string;
  balance: (value: bigint) => ReactNode;
  creditColour?: boolean;
  /** The customer's zone, for the When column. */
  timeZone: string;
}) {
  const lines = page.items;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {lines.length === 0 && !page.previous ? (
        <EmptyState className="mt-2">{empty}</EmptyState>
      ) : (
        <div className="mt-3 space-y-3">
          <DataTable
            caption={caption}
            columns={[
              { label: "When" },
              { label: "What" },
              { label: "Amount", numeric: true },
              { label: "Balance", numeric: true },
            ]}
          >
            {lines.map((line) => (
              <tr key={line.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(line.at, timeZone)}</td>
                <td className="px-3 py-2">{line.description}</td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${creditColour && line.amount > 0n ? "text-green-700 dark:text-green-400" : ""}`.trim()}
                >
                  {line.amount > 0n ? "+" : ""}
                  {amount(line.amount)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{balance(line.balanceAfter)}</td>
              </tr>
            ))}
          </DataTable>
          <Pager label={`Pages of ${title}`} page={page} href={pageHref} />
        </div>
      )}
    </section>
  );
}
