import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { CookieSettingsButton } from "@/components/privacy/cookie-settings-button";
import { routes } from "@/lib/routes";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:items-center sm:justify-between dark:text-zinc-400">
        <p>
          © {new Date().getUTCFullYear()} Hashwork. Mining output is an estimate: difficulty and the BTC price change.
        </p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li>
              <Link href={routes.privacy} className="hover:text-fg">
                Privacy policy
              </Link>
            </li>
            <li>
              <IntentLink href={routes.dashboard.privacy} className="hover:text-fg">
                Privacy centre
              </IntentLink>
            </li>
            <li>
              <Link href={routes.terms} className="hover:text-fg">
                Terms of service
              </Link>
            </li>
            <li>
              <CookieSettingsButton className="cursor-pointer hover:text-fg" />
            </li>
            <li>
              <Link href={routes.plans} className="hover:text-fg">
                Plans
              </Link>
            </li>
            <li>
              <Link href={routes.help} className="hover:text-fg">
                Help and contact
              </Link>
            </li>
            <li>
              <Link href={routes.customerApi.reference} className="hover:text-fg">
                API
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
