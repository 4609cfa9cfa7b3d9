import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { SectionNav } from "@/components/dashboard/section-nav";
import { PageFrame } from "@/components/layout/page-frame";
import { TermsNotice } from "@/components/privacy/terms-notice";
import { requireUser } from "@/lib/auth/session";
import { termsDate } from "@/lib/privacy/terms";
import { termsToAccept } from "@/lib/privacy/terms/queries";
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
  { href: routes.dashboard.privacy, label: "Privacy" },
  { href: routes.dashboard.settings, label: "Settings" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser(routes.dashboard.home);
  const [newTerms, restriction] = await Promise.all([
    termsToAccept(user.id),
    user.status === "restricted" ? ownRestriction(user.id) : null,
  ]);
  return (
    <PageFrame account={{ email: user.email, home: routes.dashboard.home }}>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
        <div className="space-y-4 md:w-48">
          <SectionNav label="Dashboard" items={NAV} />
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
                You can sign in and see everything, and your contracts keep mining, but buying and withdrawing are
                paused.
              </p>
              <p className="mt-1">
                <span className="font-medium">Reason:</span> {restriction.reason}
              </p>
              <p className="mt-1">
                Questions?{" "}
                <IntentLink href={routes.help} className="underline underline-offset-4">
                  Contact us from the help page
                </IntentLink>
                .
              </p>
            </section>
          ) : null}
          {newTerms ? (
            <TermsNotice version={newTerms.id} date={termsDate(newTerms)} changes={newTerms.changes} />
          ) : null}
          <div>{children}</div>
        </div>
      </div>
    </PageFrame>
  );
}
