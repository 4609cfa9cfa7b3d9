import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/session";
import { fromScaled } from "@/lib/money/fixed-point";
import { formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { termProgress } from "@/lib/orders/contract-view";
import { CONTRACT_STATUS } from "@/lib/orders/status-labels";
import { formatDateTime, formatDateTimeWithUtc } from "@/lib/format/date";
import { ownContract } from "@/lib/orders/queries";
import { routes } from "@/lib/routes";
import { DataTable } from "@/components/ui/data-table";
import { formatDifficulty } from "@/lib/format/number";
import { formatBtc, formatSats } from "@/lib/money/format";
import { contractOutages, contractSettlementLines } from "@/lib/settlement/queries";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Contract" };

type Props = { params: Promise<{ id: string }> };

export default async function ContractPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(routes.dashboard.contract(id));
  const contract = await ownContract(user.id, id);
  if (!contract) notFound();
  const progress = termProgress(contract);
  const [lines, outages] = await Promise.all([contractSettlementLines(contract.id), contractOutages(contract.id)]);
  const extensionSeconds = outages.reduce((total, outage) => total + Math.round(Number(outage.hoursLost) * 3600), 0);
  const plannedEnd = new Date(contract.endsAt.getTime() - extensionSeconds * 1000);
  const credited = lines.reduce((total, line) => total + line.creditedSats, 0n);
  return (
    <div className="space-y-6">
      <BackLink href={routes.dashboard.contracts}>Contracts</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{contract.product.title}</h1>
      <ProgressBar value={progress} label={`${progress}% of the term done`} />
      <dl className="divide-y divide-line rounded-xl border border-line bg-surface px-5">
        <Stat label="Status" value={CONTRACT_STATUS[contract.status]} />
        <Stat label="Hashrate" value={`${formatInteger(contract.th)} TH/s on ${contract.product.machineModel}`} />
        <Stat label="Starts" value={formatDateTimeWithUtc(contract.startsAt, user.timeZone)} />
        <Stat
          label="Ends"
          value={formatDateTimeWithUtc(contract.endsAt, user.timeZone)}
          hint={
            outages.length
              ? `planned ${formatDateTimeWithUtc(plannedEnd, user.timeZone)}, extended for outages`
              : undefined
          }
        />
        <Stat label="Mined so far" value={formatBtc(credited)} hint={formatSats(credited)} />
        <Stat label="Pool fee" value={`${fromScaled(BigInt(contract.poolFeeBps), 2)} %`} />
        <Stat
          label="Paid"
          value={formatUsd(contract.order.totalCents)}
          hint={`hashrate ${formatUsd(contract.order.hashrateFeeCents)} + service ${formatUsd(contract.order.serviceFeeCents)}`}
        />
      </dl>
      <section aria-labelledby="settlements-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="settlements-title" className="text-lg font-semibold">
            Daily settlements
          </h2>
          {lines.length ? (
            <a
              href={routes.api.contractSettlementsCsv(contract.id)}
              download
              className="text-sm font-medium text-accent-ink underline underline-offset-4"
            >
              Download CSV
            </a>
          ) : null}
        </div>
        <p className="text-sm text-muted">
          Each UTC day is credited floor(hashrate × seconds mined × (subsidy + fees) ÷ (difficulty × 2³²) × (1 − pool
          fee)) satoshis. A corrected day shows its correction right below it; the correction credits the difference.
        </p>
        {lines.length === 0 ? (
          <EmptyState>
            No day settled yet: the first is credited shortly after 00:10 UTC the day after mining starts.
          </EmptyState>
        ) : (
          <DataTable
            caption="Daily settlements of this contract, oldest first, with every input"
            columns={[
              { label: "Date (UTC)" },
              { label: "Hashrate", numeric: true },
              { label: "Hours", numeric: true },
              { label: "Difficulty", numeric: true },
              { label: "BTC price", numeric: true },
              { label: "Subsidy + fees", numeric: true },
              { label: "Gross", numeric: true },
              { label: "Pool fee", numeric: true },
              { label: "Net", numeric: true },
              { label: "USD value", numeric: true },
            ]}
          >
            {lines.map((line) => (
              <tr key={line.id} data-testid="settlement-row" className={line.kind === "correction" ? "bg-chip" : ""}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {line.day}
                  {line.kind === "correction" ? (
                    <span className="block text-xs text-muted">
                      correction: {line.reason} ({line.creditedSats >= 0n ? "+" : ""}
                      {formatSats(line.creditedSats)})
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatInteger(line.th)} TH/s</td>
                <td className="px-3 py-2 text-right tabular-nums">{(line.seconds / 3600).toFixed(2)} h</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDifficulty(line.difficulty)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatUsd(line.btcPriceCents)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatSats(line.blockSubsidySats + line.feesPerBlockSats)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatSats(line.grossSats)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatSats(line.poolFeeSats)}
                  <span className="block text-xs text-muted">{fromScaled(BigInt(line.poolFeeBps), 2)} %</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatSats(line.netSats)}
                  <span className="block text-xs text-muted">{formatBtc(line.netSats)}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatUsd(line.usdCents)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="outages-title" className="space-y-3">
        <h2 id="outages-title" className="text-lg font-semibold">
          Outages
        </h2>
        {outages.length === 0 ? (
          <p className="text-sm text-muted">No outage has affected this contract.</p>
        ) : (
          <DataTable
            caption="Outages that stopped this contract and the hours added to its term"
            columns={[{ label: "From" }, { label: "To" }, { label: "Reason" }, { label: "Hours lost", numeric: true }]}
          >
            {outages.map((outage) => (
              <tr key={outage.id}>
                <td className="px-3 py-2 tabular-nums">{formatDateTime(outage.startedAt, user.timeZone)}</td>
                <td className="px-3 py-2 tabular-nums">{formatDateTime(outage.endedAt, user.timeZone)}</td>
                <td className="px-3 py-2">{outage.reason}</td>
                <td className="px-3 py-2 text-right tabular-nums">{outage.hoursLost} h</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
