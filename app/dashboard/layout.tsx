import type { ReactNode } from "react";
import { SectionNav } from "@/components/dashboard/section-nav";
import { PageFrame } from "@/components/layout/page-frame";
import { requireUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

const NAV = [
  { href: routes.dashboard.home, label: "Overview" },
  { href: routes.dashboard.orders, label: "Orders" },
  { href: routes.dashboard.contracts, label: "Contracts" },
  { href: routes.dashboard.wallet, label: "Wallet" },
  { href: routes.dashboard.withdrawals, label: "Withdrawals" },
  { href: routes.dashboard.kyc, label: "Identity" },
  { href: routes.dashboard.security, label: "Security" },
  { href: routes.dashboard.privacy, label: "Privacy" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser(routes.dashboard.home);
  return (
    <PageFrame account={{ email: user.email, home: routes.dashboard.home }}>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
        <div className="space-y-4 md:w-48">
          <SectionNav label="Dashboard" items={NAV} />
        </div>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </PageFrame>
  );
}
