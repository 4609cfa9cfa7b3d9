"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { routes } from "@/lib/routes";

// The storefront header's "Sign in" / "Dashboard" link. Storefront pages are the same HTML for
// everyone, so the choice is made in the browser from a non-secret hint cookie set at sign-in.
// The cookie is read again on every navigation (the pathname is a dependency), so signing in or
// out never leaves a stale link behind.
const noSubscription = () => () => {};
const readHint = () => /(?:^|;\s*)hw_signed_in=1/.test(document.cookie);
const onServer = () => false;

export function AccountLink() {
  usePathname();
  const signedIn = useSyncExternalStore(noSubscription, readHint, onServer);
  // Both labels take the same cell and the other one is invisible (and out of the link's name),
  // so the link keeps one width when the browser switches it: nothing beside it shifts.
  return (
    <IntentLink
      href={signedIn ? routes.dashboard.home : routes.signIn()}
      className="grid rounded-md px-3 py-1.5 text-center text-sm font-medium text-fg ring-1 ring-line hover:bg-chip"
    >
      <span className={`[grid-area:1/1] ${signedIn ? "" : "invisible"}`}>Dashboard</span>
      <span className={`[grid-area:1/1] ${signedIn ? "invisible" : ""}`}>Sign in</span>
    </IntentLink>
  );
}
