// The session cookie next-auth sets at sign-in: an encrypted JWT (JWE) whose claims are the
// user's id (sub), the session version (sv) and the id of the session's row (sid). Pages, actions
// and route handlers read it here directly instead of through next-auth's auth(), which would
// also run the callbacks and encrypt a fresh token on every call only to throw it away (it never
// sets the cookie outside next-auth's own routes). Whether the claims still hold is decided by
// sessionUser (session-version.ts), against the database.
import "server-only";
import { decode } from "next-auth/jwt";
import { keysFor } from "@/lib/crypto/derived-keys";

/** The cookie's name over HTTPS, then over plain HTTP; the name also salts its encryption key. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** A cookie larger than a browser takes is split into `<name>.0`, `<name>.1`, … (next-auth's chunking). */
const MAX_CHUNKS = 8;
/**
 * A JWE in compact form is base64url parts joined by dots. Node's base64url decoding skips other
 * characters (a tab, a newline), so a token carrying them is refused here rather than read as
 * the token without them.
 */
const COMPACT_JWE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/;

/** The secrets session cookies are encrypted with: the current one first; older ones still open existing cookies. */
export function sessionSecrets(): string[] {
  return keysFor("session").map((key) => key.toString("base64url"));
}

export type SessionClaims = { userId: unknown; version: unknown; sessionId: unknown };

/**
 * The claims of the request's session cookie, or null when there is none or it does not decrypt
 * (forged, tampered with, made with a dropped secret, or past its expiry). `cookie` reads one
 * cookie of the request by name. The claims are untrusted until sessionUser has checked them.
 */
export async function sessionClaims(cookie: (name: string) => string | undefined): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(cookie, name);
    if (!token) continue;
    if (!COMPACT_JWE.test(token)) return null;
    const payload = await decode({ token, secret: sessionSecrets(), salt: name }).catch(() => null);
    if (!payload) return null;
    return { userId: payload.sub, version: payload.sv, sessionId: payload.sid };
  }
  return null;
}

function cookieValue(cookie: (name: string) => string | undefined, name: string): string | undefined {
  const whole = cookie(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; index < MAX_CHUNKS; index++) {
    const chunk = cookie(`${name}.${index}`);
    if (!chunk) break;
    chunks.push(chunk);
  }
  return chunks.length ? chunks.join("") : undefined;
}
