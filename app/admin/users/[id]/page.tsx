import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { CreditForm } from "@/components/ledger/credit-form";
import { PendingCredits } from "@/components/ledger/pending-credits";
import { UserAccessForm } from "@/components/users/user-access-form";
import { Stat } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/session";
import { CREDIT_FOUR_EYES_CENTS, pendingCredits } from "@/lib/ledger/credit-balance";
import { usdBalance } from "@/lib/ledger/queries";
import { formatUsd } from "@/lib/money/format";
import { formatUtcDate, formatUtcDateTime } from "@/lib/format/date";
import { userForStaff } from "@/lib/users/queries";
import { routes } from "@/lib/routes";
import { KYC_STATUS_FOR_STAFF } from "@/lib/kyc/status-labels";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminUserPage({ params }: Props) {
  const admin = await requirePermission("users.manage", routes.admin.users);
  const { id } = await params;
  const user = await userForStaff(id);
  if (!user) notFound();
  const [usd, waiting] = await Promise.all([usdBalance(user.id), pendingCredits(user.id)]);
  const ownAccount = user.id === admin.id;
  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.users}>Users</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{user.email}</h1>
      <dl className="divide-y divide-line rounded-xl border border-line bg-surface px-5">
        <Stat label="Joined" value={formatUtcDate(user.createdAt)} />
        <Stat label="Email" value={user.emailVerifiedAt ? "confirmed" : "not confirmed"} />
        <Stat label="Identity" value={KYC_STATUS_FOR_STAFF[user.kycCase?.status ?? "not_started"]} />
        <Stat label="USD balance" value={<span data-testid="admin-usd-balance">{formatUsd(usd)}</span>} />
      </dl>
      <section aria-labelledby="access-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="access-title" className="mb-3 font-semibold">
          Role and status
        </h2>
        <UserAccessForm userId={user.id} role={user.role} status={user.status} email={user.email} />
      </section>
      {waiting.length > 0 ? (
        <section aria-labelledby="pending-credits-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="pending-credits-title" className="mb-3 font-semibold">
            Credits waiting for a second admin
          </h2>
          <PendingCredits
            credits={waiting.map((credit) => ({
              id: credit.id,
              amount: credit.amount,
              note: credit.note,
              requestedBy: credit.requestedBy,
              mine: credit.requestedById === admin.id || ownAccount,
              requestedAt: formatUtcDateTime(credit.createdAt),
            }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="credit-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="credit-title" className="mb-1 font-semibold">
          Credit a bank transfer
        </h2>
        {ownAccount ? (
          <p className="text-sm text-muted">This is your own account: another admin has to credit it.</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-muted">
              Adds to the customer&apos;s USD balance through the ledger; the note and your name go on the audit log.
              Credits above {formatUsd(CREDIT_FOUR_EYES_CENTS)} wait for a second admin to approve them.
            </p>
            <CreditForm userId={user.id} />
          </>
        )}
      </section>
    </div>
  );
}
