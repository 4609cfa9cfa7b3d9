import type { ReactNode } from "react";
import Link from "next/link";
import { SectionNav } from "@/components/dashboard/section-nav";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { requireUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";
import { ownRestriction } from "@/lib/users/queries";

const NAV = [
  { href: routes.dashboard.home, label: "Overview" },
  { href: routes.dashboard.orders, label: "Orders" },
  { href: routes.dashboard.contracts, label: "Contracts" },
  { href: routes.dashboard.wallet, label: "Wallet" },
  { href: routes.dashboard.withdrawals, label: "Withdrawals" },
  { href: routes.dashboard.kyc, label: "Identity" },
  { href: routes.dashboard.security, label: "Security" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser(routes.dashboard.home);
  const restriction = user.status === "restricted" ? await ownRestriction(user.id) : null;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
      <div className="space-y-4 md:w-48">
        <p className="truncate text-sm text-subtle" title={user.email}>
          {user.email}
        </p>
        <SectionNav label="Dashboard" items={NAV} />
        <SignOutButton />
      </div>
      <div className="min-w-0 flex-1 space-y-6">
        {restriction ? (
          <section
            aria-labelledby="restricted-title"
            role="status"
            className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm dark:border-amber-500/40 dark:bg-amber-500/10"
            data-testid="restriction-notice"
          >
            <h2 id="restricted-title" className="font-semibold">
              Your account is restricted
            </h2>
            <p className="mt-1">
              You can sign in and see everything, and your contracts keep mining, but buying and withdrawing are paused.
            </p>
            <p className="mt-1">
              <span className="font-medium">Reason:</span> {restriction.reason}
            </p>
            <p className="mt-1">
              Questions?{" "}
              <Link href={routes.help} className="underline underline-offset-4">
                Contact us from the help page
              </Link>
              .
            </p>
          </section>
        ) : null}
        {children}
      </div>
    </div>
  );
}
