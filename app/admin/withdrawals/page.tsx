import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { WaitingWithdrawals } from "@/components/withdrawals/withdrawal-decision";
import { WithdrawalStatusLabel } from "@/components/withdrawals/withdrawal-status";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDateTime } from "@/lib/format/date";
import { formatBtc } from "@/lib/money/format";
import { staffWithdrawals } from "@/lib/withdrawals/queries";
import { WITHDRAWAL_FOUR_EYES_SATS } from "@/lib/withdrawals/rules";
import { routes } from "@/lib/routes";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Withdrawals" };

export default async function AdminWithdrawalsPage() {
  const admin = await requirePermission("withdrawals.manage", routes.admin.withdrawals);
  const { waiting, decided } = await staffWithdrawals();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Withdrawals</h1>
      <p className="text-sm text-muted">
        Send the amount after the network fee from the hot wallet, then enter the transaction id. Withdrawals above{" "}
        {formatBtc(WITHDRAWAL_FOUR_EYES_SATS)} need two admins: one approves, a different one pays out. Nobody decides
        their own withdrawal.
      </p>
      <section aria-labelledby="waiting-title" className="space-y-3">
        <h2 id="waiting-title" className="font-semibold">
          Waiting ({waiting.length})
        </h2>
        {waiting.length === 0 ? (
          <EmptyState>Nothing waiting.</EmptyState>
        ) : (
          <WaitingWithdrawals
            withdrawals={waiting.map((row) => ({
              id: row.id,
              email: row.email,
              amount: formatBtc(row.amountSats),
              fee: formatBtc(row.networkFeeSats),
              sent: formatBtc(row.amountSats - row.networkFeeSats),
              address: row.address,
              requestedAt: formatUtcDateTime(row.createdAt),
              needsSecondAdmin: row.needsSecondAdmin,
              firstApprovedBy: row.firstApprovedBy ?? (row.firstApprovedById ? "a former admin" : null),
              may: row.userId === admin.id ? "own" : row.firstApprovedById === admin.id ? "approved-by-me" : "decide",
            }))}
          />
        )}
      </section>
      <section aria-labelledby="decided-title">
        <h2 id="decided-title" className="font-semibold">
          Recently decided
        </h2>
        {decided.length === 0 ? (
          <EmptyState className="mt-2">None yet.</EmptyState>
        ) : (
          <div className="mt-3">
            <DataTable
              caption="Withdrawals decided recently, newest first"
              columns={[
                { label: "Decided (UTC)" },
                { label: "Customer" },
                { label: "Amount", numeric: true },
                { label: "Status" },
                { label: "By" },
              ]}
            >
              {decided.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {row.reviewedAt ? formatUtcDateTime(row.reviewedAt) : "—"}
                  </td>
                  <td className="px-3 py-2">{row.email}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatBtc(row.amountSats)}</td>
                  <td className="px-3 py-2">
                    <WithdrawalStatusLabel status={row.status} />
                    {row.txid ? <span className="block break-all font-mono text-xs text-muted">{row.txid}</span> : null}
                    {row.rejectionReason ? (
                      <span className="block text-xs text-muted">{row.rejectionReason}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {[row.firstApprovedBy, row.reviewedBy].filter(Boolean).join(", then ") || "—"}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
