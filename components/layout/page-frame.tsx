import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";

/** The header and the page's main landmark (the skip link's target); footer is the root layout's. */
export function PageFrame({ account, children }: { account?: { email: string; home: string }; children: ReactNode }) {
  return (
    <>
      <SiteHeader account={account} />
      <main id="main" className="flex-1">
        {children}
      </main>
    </>
  );
}
