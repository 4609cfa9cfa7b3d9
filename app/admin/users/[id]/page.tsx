import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreditForm } from "@/components/admin/credit-form";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { Stat } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { balance, customerUsd } from "@/lib/ledger/ledger";
import { formatUsd } from "@/lib/money/format";
import { formatUtcDate } from "@/lib/format/date";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminUserPage({ params }: Props) {
  await requirePermission("users.manage", "/admin/users");
  const { id } = await params;
  const user = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.user.findUnique({ where: { id }, select: { id: true, email: true, role: true, status: true, emailVerifiedAt: true, createdAt: true, kycCase: { select: { status: true } } } })
    : null;
  if (!user) notFound();
  const usd = await balance(db, customerUsd(user.id));
  return (
    <div className="space-y-6">
      <BackLink href="/admin/users">Users</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{user.email}</h1>
      <dl className="divide-y divide-line rounded-xl border border-line bg-surface px-5">
        <Stat label="Joined" value={formatUtcDate(user.createdAt)} />
        <Stat label="Email" value={user.emailVerifiedAt ? "confirmed" : "not confirmed"} />
        <Stat label="Identity" value={(user.kycCase?.status ?? "not_started").replace("_", " ")} />
        <Stat label="USD balance" value={<span data-testid="admin-usd-balance">{formatUsd(usd)}</span>} />
      </dl>
      <section aria-labelledby="access-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="access-title" className="mb-3 font-semibold">Role and status</h2>
        <UserAccessForm userId={user.id} role={user.role} status={user.status} email={user.email} />
      </section>
      <section aria-labelledby="credit-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="credit-title" className="mb-1 font-semibold">Credit a bank transfer</h2>
        <p className="mb-3 text-sm text-muted">Adds to the customer&apos;s USD balance through the ledger; the note and your name go on the audit log.</p>
        <CreditForm userId={user.id} />
      </section>
    </div>
  );
}
