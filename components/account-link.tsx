"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

// The header's "Sign in" / "Dashboard" link. Storefront pages are the same HTML for everyone,
// so the choice is made in the browser from a non-secret hint cookie set at sign-in.
export function AccountLink() {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => setSignedIn(/(?:^|;\s*)hw_signed_in=1/.test(document.cookie)), []);
  return (
    <Link
      href={signedIn ? "/dashboard" : "/sign-in"}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-fg ring-1 ring-line hover:bg-chip"
    >
      {signedIn ? "Dashboard" : "Sign in"}
    </Link>
  );
}
