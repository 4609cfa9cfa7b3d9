"use client";

import Link from "next/link";
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
  return (
    <Link
      href={signedIn ? routes.dashboard.home : routes.signIn()}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-fg ring-1 ring-line hover:bg-chip"
    >
      {signedIn ? "Dashboard" : "Sign in"}
    </Link>
  );
}
