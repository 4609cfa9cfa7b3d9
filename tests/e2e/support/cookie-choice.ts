// A cookie choice as our banner would have saved it, signed with the run's AUTH_SECRET, so a
// test can start as a visitor who already chose (or with a forged choice, to see it refused).
import { deriveKey } from "../../../lib/crypto/derived-keys";
import { encodeConsentCookie, type CookieChoice } from "../../../lib/privacy/cookies/consent-cookie";
import { CONSENT_COOKIE } from "../../../lib/privacy/cookies/names";

export function signedChoice(choice: CookieChoice): string {
  const secret = process.env.AUTH_SECRET?.split(",")[0]?.trim();
  if (!secret) throw new Error("AUTH_SECRET is not set: run the end-to-end tests with `npm run test:e2e`.");
  return encodeConsentCookie(choice, deriveKey(secret, "consent-cookie"));
}

export function consentCookie(baseURL: string, value: string) {
  const url = new URL(baseURL);
  return { name: CONSENT_COOKIE, value, domain: url.hostname, path: "/", sameSite: "Lax" as const };
}
