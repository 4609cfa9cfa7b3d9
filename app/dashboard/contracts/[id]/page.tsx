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
import { formatUtcDateTime } from "@/lib/format/date";
import { ownContract } from "@/lib/orders/queries";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Contract" };

type Props = { params: Promise<{ id: string }> };

export default async function ContractPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(routes.dashboard.contract(id));
  const contract = await ownContract(user.id, id);
  if (!contract) notFound();
  const progress = termProgress(contract);
  return (
    <div className="space-y-6">
      <BackLink href={routes.dashboard.contracts}>Contracts</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{contract.product.title}</h1>
      <ProgressBar value={progress} label={`${progress}% of the term done`} />
      <dl className="divide-y divide-line rounded-xl border border-line bg-surface px-5">
        <Stat label="Status" value={CONTRACT_STATUS[contract.status]} />
        <Stat label="Hashrate" value={`${formatInteger(contract.th)} TH/s on ${contract.product.machineModel}`} />
        <Stat label="Starts" value={`${formatUtcDateTime(contract.startsAt)} UTC`} />
        <Stat label="Ends" value={`${formatUtcDateTime(contract.endsAt)} UTC`} />
        <Stat label="Pool fee" value={`${fromScaled(BigInt(contract.poolFeeBps), 2)} %`} />
        <Stat
          label="Paid"
          value={formatUsd(contract.order.totalCents)}
          hint={`hashrate ${formatUsd(contract.order.hashrateFeeCents)} + service ${formatUsd(contract.order.serviceFeeCents)}`}
        />
      </dl>
    </div>
  );
}
