import type { ReactNode } from "react";
import { SectionNav } from "@/components/dashboard/section-nav";
import { PageFrame } from "@/components/layout/page-frame";
import { can, type Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: routes.admin.home, label: "Overview", permission: "staff.console" },
  { href: routes.admin.kyc, label: "KYC queue", permission: "kyc.review" },
  { href: routes.admin.privacy, label: "Privacy requests", permission: "privacy.handle" },
  { href: routes.admin.orders, label: "Orders", permission: "admin.overview" },
  { href: routes.admin.products, label: "Products", permission: "products.manage" },
  { href: routes.admin.withdrawals, label: "Withdrawals", permission: "withdrawals.manage" },
  { href: routes.admin.users, label: "Users", permission: "users.manage" },
  { href: routes.admin.support, label: "Support", permission: "support.handle" },
  { href: routes.admin.market, label: "Market data", permission: "market.manage" },
  { href: routes.admin.outages, label: "Outages", permission: "outages.manage" },
  { href: routes.admin.audit, label: "Audit log", permission: "audit.read" },
  { href: routes.admin.jobs, label: "Failed jobs", permission: "admin.overview" },
];

// Staff only; each page below checks its own permission too.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("staff.console", routes.admin.home);
  return (
    <PageFrame account={{ email: user.email, home: routes.admin.home }}>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
        <div className="space-y-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-subtle">Staff console</p>
          <SectionNav label="Staff console" items={NAV.filter((item) => can(user.role, item.permission))} />
          {/* Staff compare across customers in many zones: one clock for all of them. */}
          <p className="text-xs text-subtle">All times here are UTC.</p>
        </div>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </PageFrame>
  );
}
