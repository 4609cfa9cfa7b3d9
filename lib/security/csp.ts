// The Content-Security-Policy of every page. Pages rendered per request (account, dashboard,
// staff) get a fresh nonce and 'strict-dynamic'. Prerendered storefront pages are the same
// HTML for everyone and cannot carry a per-request nonce, so they allow inline scripts from
// our own origin; they hold no user input. Both forbid framing, plugins and foreign origins.
import { createHash } from "node:crypto";
import { THEME_SCRIPT } from "@/lib/theme/theme-script";

const THEME_SCRIPT_HASH = `'sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}'`;

/** Paths rendered per request: everything that depends on who is asking. */
const DYNAMIC_PREFIXES = [
  "/dashboard",
  "/admin",
  "/sign-in",
  "/sign-up",
  "/verify-email",
  "/reset-password",
  "/checkout",
  "/api",
];

export function isPerRequestPath(pathname: string): boolean {
  return DYNAMIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export function contentSecurityPolicy({ nonce, dev }: { nonce: string | null; dev: boolean }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' ${THEME_SCRIPT_HASH} 'strict-dynamic'` : `'self' 'unsafe-inline'`;
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
