"use client";

import { OPEN_COOKIE_SETTINGS } from "@/lib/privacy/cookies/names";

// Opens the cookie banner again to change the choice (footer, settings page).
export function CookieSettingsButton({
  className = "",
  children = "Cookie settings",
}: {
  className?: string;
  children?: string;
}) {
  return (
    <button type="button" onClick={() => window.dispatchEvent(new Event(OPEN_COOKIE_SETTINGS))} className={className}>
      {children}
    </button>
  );
}
