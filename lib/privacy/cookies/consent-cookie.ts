// The cookie that keeps a browser's cookie choice: "c1.<analytics><advertising>.<issued s>.<sig>",
// e.g. "c1.10.1764115200.…" for analytics on, advertising off. It is signed (HMAC-SHA256, key
// derived from AUTH_SECRET for this purpose) so only a choice made through our banner counts: a
// value written by anyone else, or one too old or malformed, is no choice at all, and the
// visitor gets essential cookies only and sees the banner again (docs/product-rules.md §11).
import { createHmac, timingSafeEqual } from "node:crypto";

import { CONSENT_MAX_AGE_SECONDS } from "./names";

export { ANALYTICS_COOKIE, CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS } from "./names";
const FORMAT = "c1";
const MAX_LENGTH = 120;

export type CookieChoice = { analytics: boolean; advertising: boolean };
export type SignedChoice = CookieChoice & { issuedAt: Date };

function signature(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function encodeConsentCookie(choice: CookieChoice, key: Buffer, now = new Date()): string {
  const payload = `${FORMAT}.${choice.analytics ? 1 : 0}${choice.advertising ? 1 : 0}.${Math.floor(now.getTime() / 1000)}`;
  return `${payload}.${signature(key, payload)}`;
}

/** The choice in a cookie value, or null when it is missing, forged, malformed or expired. */
export function decodeConsentCookie(value: unknown, keys: readonly Buffer[], now = new Date()): SignedChoice | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return null;
  const match = /^(c1)\.([01])([01])\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const [, format, analytics, advertising, issued, given] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const payload = `${format}.${analytics}${advertising}.${issued}`;
  const actual = Buffer.from(given);
  const signedByUs = keys.some((key) => {
    const expected = Buffer.from(signature(key, payload));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
  if (!signedByUs) return null;
  const issuedAt = new Date(Number(issued) * 1000);
  const ageSeconds = (now.getTime() - issuedAt.getTime()) / 1000;
  if (ageSeconds < -300 || ageSeconds > CONSENT_MAX_AGE_SECONDS) return null;
  return { analytics: analytics === "1", advertising: advertising === "1", issuedAt };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The visitor id of an analytics cookie, or null when it is not one we could have set. */
export function parseAnalyticsId(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value : null;
}
