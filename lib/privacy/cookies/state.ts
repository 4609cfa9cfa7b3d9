// What a request may run besides essential cookies: the browser's signed choice, narrowed by
// the signed-in customer's account (a restriction or a newer "no" wins over the browser).
import "server-only";
import { currentKey, keysFor } from "@/lib/crypto/derived-keys";
import { db } from "@/lib/db";
import { accountAllows } from "@/lib/privacy/consent/choices";
import { decodeConsentCookie, encodeConsentCookie, type CookieChoice } from "./consent-cookie";

export type CookieState = {
  /** A valid choice is on this browser; otherwise the banner asks. */
  decided: boolean;
  analytics: boolean;
  advertising: boolean;
  /** The signed-in account has processing restricted. */
  restricted: boolean;
};

export function signCookieChoice(choice: CookieChoice, now = new Date()): string {
  return encodeConsentCookie(choice, currentKey("consent-cookie"), now);
}

export function readCookieChoice(value: string | undefined, now = new Date()) {
  return decodeConsentCookie(value, keysFor("consent-cookie"), now);
}

export async function cookieState(
  cookieValue: string | undefined,
  userId: string | null,
  now = new Date(),
): Promise<CookieState> {
  const choice = readCookieChoice(cookieValue, now);
  if (!choice) return { decided: false, analytics: false, advertising: false, restricted: false };
  if (!userId)
    return { decided: true, analytics: choice.analytics, advertising: choice.advertising, restricted: false };
  const [analytics, advertising, account] = await Promise.all([
    choice.analytics ? accountAllows(userId, "analytics") : false,
    choice.advertising ? accountAllows(userId, "advertising") : false,
    db.user.findUnique({ where: { id: userId }, select: { processingRestrictedAt: true } }),
  ]);
  return { decided: true, analytics, advertising, restricted: Boolean(account?.processingRestrictedAt) };
}
