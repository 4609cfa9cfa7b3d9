import Link from "next/link";
import { AccountLink } from "./account-link";
import { Logo } from "./logo";
import { ThemeToggle } from "./theme-toggle";
import { routes } from "@/lib/routes";

const NAV = [
  { href: routes.plans, label: "Plans" },
  { href: "/#how-it-works", label: "How it works" },
  { href: routes.help, label: "Help" },
  { href: routes.privacy, label: "Privacy" },
];

export function SiteHeader() {
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
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <AccountLink />
        </div>
      </div>
    </header>
  );
}
