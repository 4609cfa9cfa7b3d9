import Link from "next/link";
import { AccountLink } from "./account-link";
import { IntentLink } from "@/components/ui/intent-link";
import { SignOutButton } from "./dashboard/sign-out-button";
import { Logo } from "./logo";
import { ThemeToggle } from "./theme-toggle";
import { routes } from "@/lib/routes";

const NAV = [
  { href: routes.plans, label: "Plans" },
  { href: "/#how-it-works", label: "How it works" },
  { href: routes.help, label: "Help" },
  { href: routes.privacy, label: "Privacy" },
];

/**
 * The header of every page. Signed-in pages (dashboard, staff console) render it on the server
 * with the account, so it shows the email and a sign-out button; the storefront is the same HTML
 * for everyone, so there the account link is chosen in the browser.
 */
export function SiteHeader({ account }: { account?: { email: string; home: string } }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-zinc-50/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
        <Link href="/" className="rounded-md" aria-label="Hashwork home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-5 text-sm text-muted">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded-sm hover:text-fg">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <ThemeToggle />
          {account ? (
            <>
              <IntentLink
                href={account.home}
                className="hidden max-w-56 truncate rounded-md px-2 py-1.5 text-sm text-muted hover:text-fg sm:block"
                title={account.email}
                data-testid="signed-in-as"
              >
                {account.email}
              </IntentLink>
              <SignOutButton />
            </>
          ) : (
            <AccountLink />
          )}
        </div>
      </div>
    </header>
  );
}
