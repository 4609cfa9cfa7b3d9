import type { ReactNode } from "react";
import { PageFrame } from "@/components/layout/page-frame";
import { currentUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

/**
 * Checkout is a signed-in page rendered per request, so its header names the account and offers
 * sign-out, as the dashboard's does. The page asks for the session itself (and sends a visitor
 * to sign in); this reads the same per-request copy, not the database a second time.
 */
export default async function CheckoutLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <PageFrame account={user ? { email: user.email, home: routes.dashboard.home } : undefined}>{children}</PageFrame>
  );
}
