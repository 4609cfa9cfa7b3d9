import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { CreditForm } from "@/components/ledger/credit-form";
import { PendingCredits } from "@/components/ledger/pending-credits";
import { UserAccessForm } from "@/components/users/user-access-form";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { ACTIVITY_LABELS } from "@/lib/activity/record";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDate, formatUtcDateTime } from "@/lib/format/date";
import { formatInteger } from "@/lib/format/number";
import { KYC_STATUS_FOR_STAFF } from "@/lib/kyc/status-labels";
import { CREDIT_FOUR_EYES_CENTS, pendingCredits } from "@/lib/ledger/credit-balance";
import { formatBtc, formatUsd } from "@/lib/money/format";
import { ordersForStaff } from "@/lib/orders/queries";
import { CONTRACT_STATUS, ORDER_STATUS_FOR_STAFF } from "@/lib/orders/status-labels";
import { routes } from "@/lib/routes";
import { USER_STATUS_LABELS } from "@/lib/users/status-labels";
import { customerFiguresForStaff, userForStaff } from "@/lib/users/queries";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

const section = "rounded-xl border border-line bg-surface p-5";

export default async function AdminUserPage({ params }: Props) {
  const admin = await requirePermission("users.manage", routes.admin.users);
  const { id } = await params;
  const user = await userForStaff(id);
  if (!user) notFound();
  const [figures, waiting, orders] = await Promise.all([
    customerFiguresForStaff(user.id),
    pendingCredits(user.id),
    ordersForStaff({ userId: user.id }, undefined, 10),
  ]);
  const ownAccount = user.id === admin.id;
  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.users}>Users</BackLink>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight break-all">{user.email}</h1>
        <p className="text-sm text-muted">
          {user.displayName ?? "No name given"} · {ROLE_LABELS[user.role]} · {USER_STATUS_LABELS[user.status]}
        </p>
      </div>
      {user.status === "restricted" ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-500/40 dark:bg-amber-500/10"
        >
          Restricted: cannot buy or withdraw. Reason shown to the customer: {user.restrictionReason ?? "—"}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="profile-title" className={section}>
          <h2 id="profile-title" className="font-semibold">
            Profile
          </h2>
          <dl className="divide-y divide-line">
            <Stat label="Joined (UTC)" value={formatUtcDate(user.createdAt)} />
            <Stat label="Email" value={user.emailVerifiedAt ? "confirmed" : "not confirmed"} />
            <Stat label="Two-factor authentication" value={user.totpEnabledAt ? "on" : "off"} />
            <Stat label="Marketing email" value={user.marketingOptIn ? "yes" : "no"} />
            <Stat label="Time zone" value={user.timeZone} hint="for their pages; this console shows UTC" />
            <Stat
              label="Identity (KYC)"
              value={
                user.kycCase?.status && user.kycCase.status !== "not_started" ? (
                  <IntentLink
                    href={routes.admin.kycByStatus(user.kycCase.status)}
                    className="underline underline-offset-4"
                  >
                    {KYC_STATUS_FOR_STAFF[user.kycCase.status]}
                  </IntentLink>
                ) : (
                  KYC_STATUS_FOR_STAFF.not_started
                )
              }
              hint={user.kycCase?.flagged ? "flagged by the pre-check" : undefined}
            />
            <Stat
              label="Payout address"
              value={
                user.payoutAddress ? <span className="font-mono text-xs">{user.payoutAddress.address}</span> : "none"
              }
            />
          </dl>
        </section>
        <section aria-labelledby="balances-title" className={section}>
          <h2 id="balances-title" className="font-semibold">
            Balances and contracts
          </h2>
          <dl className="divide-y divide-line">
            <Stat label="USD balance" value={<span data-testid="admin-usd-balance">{formatUsd(figures.usd)}</span>} />
            <Stat label="BTC balance" value={formatBtc(figures.btc)} />
            <Stat label="BTC held for withdrawals" value={formatBtc(figures.heldBtc)} />
            {figures.contracts.length === 0 ? (
              <Stat label="Contracts" value="none" />
            ) : (
              figures.contracts.map((row) => (
                <Stat
                  key={row.status}
                  label={`Contracts ${CONTRACT_STATUS[row.status].toLowerCase()}`}
                  value={`${formatInteger(row.count)} · ${formatInteger(row.th)} TH`}
                />
              ))
            )}
          </dl>
        </section>
      </div>
      <section aria-labelledby="access-title" className={section}>
        <h2 id="access-title" className="mb-3 font-semibold">
          Role and status
        </h2>
        <UserAccessForm
          userId={user.id}
          role={user.role}
          status={user.status}
          email={user.email}
          reason={user.restrictionReason}
        />
        <p className="mt-3 text-sm">
          <IntentLink href={routes.admin.auditOfTarget(user.id)} className="underline underline-offset-4">
            Staff actions on this account
          </IntentLink>
        </p>
      </section>
      <section aria-labelledby="orders-title" className="space-y-3">
        <h2 id="orders-title" className="font-semibold">
          Orders
        </h2>
        {orders.items.length === 0 ? (
          <EmptyState>No orders.</EmptyState>
        ) : (
          <DataTable
            caption="The customer's newest orders"
            columns={[
              { label: "Placed (UTC)" },
              { label: "Plan" },
              { label: "TH", numeric: true },
              { label: "Total", numeric: true },
              { label: "Status" },
            ]}
          >
            {orders.items.map((order) => (
              <tr key={order.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(order.createdAt)}</td>
                <td className="px-3 py-2">{order.product.title}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatInteger(order.th)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatUsd(order.totalCents)}</td>
                <td className="px-3 py-2">{ORDER_STATUS_FOR_STAFF[order.status]}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {orders.next ? (
          <IntentLink href={routes.admin.ordersOfCustomer(user.email)} className="text-sm underline underline-offset-4">
            All orders of this customer
          </IntentLink>
        ) : null}
      </section>
      <section aria-labelledby="contracts-title" className="space-y-3">
        <h2 id="contracts-title" className="font-semibold">
          Newest contracts
        </h2>
        {figures.latestContracts.length === 0 ? (
          <EmptyState>No contracts.</EmptyState>
        ) : (
          <DataTable
            caption="The customer's newest contracts"
            columns={[
              { label: "Plan" },
              { label: "TH", numeric: true },
              { label: "Starts (UTC)" },
              { label: "Ends (UTC)" },
              { label: "Status" },
            ]}
          >
            {figures.latestContracts.map((contract) => (
              <tr key={contract.id}>
                <td className="px-3 py-2">{contract.product.title}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatInteger(contract.th)}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(contract.startsAt)}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(contract.endsAt)}</td>
                <td className="px-3 py-2">{CONTRACT_STATUS[contract.status]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="activity-title" className="space-y-3">
        <h2 id="activity-title" className="font-semibold">
          Recent activity
        </h2>
        {figures.activity.length === 0 ? (
          <EmptyState>No activity yet.</EmptyState>
        ) : (
          <DataTable
            caption="The customer's recent activity"
            columns={[{ label: "When (UTC)" }, { label: "What" }, { label: "Address" }]}
          >
            {figures.activity.map((event) => (
              <tr key={event.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(event.createdAt)}</td>
                <td className="px-3 py-2">
                  {ACTIVITY_LABELS[event.type as keyof typeof ACTIVITY_LABELS] ?? event.type}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{event.ip ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {waiting.length > 0 ? (
        <section aria-labelledby="pending-credits-title" className={section}>
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
      <section aria-labelledby="credit-title" className={section}>
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
