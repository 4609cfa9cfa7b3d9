// The Content-Security-Policy of every page. Pages rendered per request (account, dashboard,
// staff) get a fresh nonce and 'strict-dynamic'. Prerendered storefront pages are the same
// HTML for everyone and cannot carry a per-request nonce, so they allow inline scripts from
// our own origin; they hold no user input. Both forbid framing, plugins and foreign origins.
import { createHash } from "node:crypto";
import { COOKIE_CHOICE_SCRIPT } from "@/lib/privacy/cookies/choice-script";
import { THEME_SCRIPT } from "@/lib/theme/theme-script";

const inlineHash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const INLINE_SCRIPT_HASHES = [THEME_SCRIPT, COOKIE_CHOICE_SCRIPT].map(inlineHash).join(" ");

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
  const scripts = nonce ? `'self' 'nonce-${nonce}' ${INLINE_SCRIPT_HASHES} 'strict-dynamic'` : `'self' 'unsafe-inline'`;
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
