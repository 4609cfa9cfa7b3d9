import type { ReactNode } from "react";
import { SectionNav } from "@/components/dashboard/section-nav";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { requireUser } from "@/lib/auth/session";

const NAV = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/orders", label: "Orders" },
  { href: "/dashboard/contracts", label: "Contracts" },
  { href: "/dashboard/wallet", label: "Wallet" },
  { href: "/dashboard/withdrawals", label: "Withdrawals" },
  { href: "/dashboard/kyc", label: "Identity" },
  { href: "/dashboard/security", label: "Security" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
      <div className="space-y-4 md:w-48">
        <p className="truncate text-sm text-subtle" title={user.email}>
          {user.email}
        </p>
        <SectionNav label="Dashboard" items={NAV} />
        <SignOutButton />
      </div>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
