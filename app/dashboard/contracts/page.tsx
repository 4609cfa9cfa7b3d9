import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ButtonLink } from "@/components/ui/button-link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { requireUser } from "@/lib/auth/session";
import { formatInteger } from "@/lib/format/number";
import { termProgress } from "@/lib/orders/contract-view";
import { CONTRACT_STATUS } from "@/lib/orders/status-labels";
import { formatDateTimeWithUtc } from "@/lib/format/date";
import { ownContracts } from "@/lib/orders/queries";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Contracts" };

export default async function ContractsPage() {
  const user = await requireUser(routes.dashboard.contracts);
  const contracts = await ownContracts(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Contracts</h1>
      {contracts.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line p-8 text-center">
          <p className="font-semibold">No contracts yet</p>
          <p className="mt-1 text-sm text-muted">A contract starts at 00:00 UTC the day after you pay for an order.</p>
          <div className="mt-4 flex justify-center">
            <ButtonLink href={routes.plans}>Browse plans</ButtonLink>
          </div>
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {contracts.map((contract) => {
            const progress = termProgress(contract);
            return (
              <li
                key={contract.id}
                className="rounded-xl border border-line bg-surface p-5"
                data-testid="contract-card"
              >
                <IntentLink href={routes.dashboard.contract(contract.id)} className="font-semibold hover:underline">
                  {contract.product.title}
                </IntentLink>
                <p className="mt-1 text-sm text-muted">
                  {formatInteger(contract.th)} TH/s · {CONTRACT_STATUS[contract.status]}
                  <span className="block tabular-nums">
                    starts {formatDateTimeWithUtc(contract.startsAt, user.timeZone)}
                  </span>
                  <span className="block tabular-nums">
                    ends {formatDateTimeWithUtc(contract.endsAt, user.timeZone)}
                  </span>
                </p>
                <div className="mt-3">
                  <ProgressBar value={progress} label={`${contract.product.title}: ${progress}% of the term done`} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
