import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatInteger } from "@/lib/money/format";
import { formatUtcDate } from "@/lib/format/date";
import { pendingCredits } from "@/lib/ledger/credit-balance";

export const metadata: Metadata = { title: "Staff console" };

export default async function AdminOverviewPage() {
  const user = await requirePermission("staff.console", "/admin");
  const kyc = can(user.role, "kyc.review")
    ? await Promise.all([
        db.kycCase.count({ where: { status: "pending" } }),
        db.kycCase.count({ where: { status: "pending", flagged: true } }),
        db.kycCase.findFirst({ where: { status: "pending" }, orderBy: { submittedAt: "asc" }, select: { submittedAt: true } }),
      ])
    : null;
  const overview = can(user.role, "admin.overview")
    ? await Promise.all([
        db.user.count({ where: { role: "customer" } }),
        db.user.count({ where: { role: "customer", emailVerifiedAt: { not: null } } }),
        db.product.count({ where: { status: "on_sale" } }),
        db.auditLog.count({ where: { createdAt: { gte: new Date(Date.now() - 24 * 60 * 60 * 1000) } } }),
      ])
    : null;
  const credits = can(user.role, "users.manage") ? await pendingCredits() : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {kyc ? (
        <section aria-labelledby="kyc-queue-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="kyc-queue-title" className="font-semibold">
            <Link href="/admin/kyc" className="hover:underline">
              KYC queue
            </Link>
          </h2>
          <p className="mt-1 text-sm text-muted">
            {kyc[0] === 0
              ? "Nothing waiting."
              : `${formatInteger(kyc[0])} waiting, ${formatInteger(kyc[1])} flagged by the pre-check; the oldest was sent ${kyc[2]?.submittedAt ? formatUtcDate(kyc[2].submittedAt) : "—"}.`}
          </p>
        </section>
      ) : null}
      {credits.length > 0 ? (
        <section aria-labelledby="credits-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="credits-title" className="font-semibold">Credits waiting for a second admin</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {credits.map((credit) => (
              <li key={credit.id}>
                <Link href={`/admin/users/${credit.userId}`} className="underline underline-offset-4">
                  {credit.amount} to {credit.email}
                </Link>{" "}
                <span className="text-muted">asked for by {credit.requestedBy ?? "a former admin"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overview ? (
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ["Customers", overview[0]],
            ["With confirmed email", overview[1]],
            ["Plans on sale", overview[2]],
            ["Staff actions, last 24 h", overview[3]],
          ].map(([label, value]) => (
            <div key={label} className="rounded-xl border border-line bg-surface p-4">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatInteger(value as number)}</dd>
            </div>
          ))}
        </dl>
      ) : kyc ? null : (
        <p className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-muted">
          Your work queue appears here: privacy requests to handle. Nothing is waiting yet.
        </p>
      )}
    </div>
  );
}
