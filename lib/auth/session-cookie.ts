// The session cookie next-auth sets at sign-in: an encrypted JWT (JWE) whose claims are the
// user's id (sub), the session version (sv) and the id of the session's row (sid). Pages, actions
// and route handlers read it here directly instead of through next-auth's auth(), which would
// also run the callbacks and encrypt a fresh token on every call only to throw it away (it never
// sets the cookie outside next-auth's own routes). Whether the claims still hold is decided by
// sessionUser (session-version.ts), against the database.
//
// The cookie's 7-day lifetime slides: proxy.ts re-issues a cookie in use once it is a day old
// (renewedSessionCookie), with the same claims and a fresh 7 days. However often it is renewed,
// the session's row still ends it 30 days after sign-in.
import "server-only";
import { LRUCache } from "lru-cache";
import { decode, encode, type JWT } from "next-auth/jwt";
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
export async function sessionClaims(cookie: CookieGetter): Promise<SessionClaims | null> {
  const opened = await openSessionCookie(cookie);
  if (!opened) return null;
  const { payload } = opened;
  return { userId: payload.sub, version: payload.sv, sessionId: payload.sid };
}

/** Without use a session ends after 7 days: the cookie's lifetime, renewed while it is used. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;

/** A cookie in use is re-issued once it is this old, so the 7 days count from the last day of use. */
const SESSION_RENEW_AFTER_SECONDS = 24 * 60 * 60;

/** The session cookie to set on the response, as next-auth sets it at sign-in. */
export type RenewedSessionCookie = {
  name: (typeof SESSION_COOKIE_NAMES)[number];
  value: string;
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  expires: Date;
};

/**
 * The request's session cookie made again with the same claims and a fresh 7-day lifetime, under
 * the current secret, once it is a day old; null when it is younger, absent, does not open, or
 * was split into chunks (a session cookie here is far below a browser's size limit, so chunks
 * are not ours to rewrite). A renewed cookie grants nothing the old one did not: every use still
 * checks the session's row, which ends it 30 days after sign-in however often it is renewed.
 */
export async function renewedSessionCookie(cookie: CookieGetter): Promise<RenewedSessionCookie | null> {
  const now = Date.now(); // the clock next-auth's encode dates the token by
  const opened = await openSessionCookie(cookie);
  if (!opened || opened.chunked) return null;
  const { iat: _iat, exp, jti: _jti, ...claims } = opened.payload;
  // Due once less than 6 of its 7 days are left (its expiry, not its issue time, says how old it is).
  if (typeof exp !== "number" || exp - now / 1000 > SESSION_IDLE_SECONDS - SESSION_RENEW_AFTER_SECONDS) return null;
  const value = await encode({
    token: claims,
    secret: sessionSecrets()[0]!,
    salt: opened.name,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return {
    name: opened.name,
    value,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: opened.name.startsWith("__Secure-"),
    expires: new Date(now + SESSION_IDLE_SECONDS * 1000),
  };
}

type CookieGetter = (name: string) => string | undefined;

/**
 * Tokens this process has decrypted, by cookie name and token. A request's cookie is read twice
 * (proxy.ts, then the page), and a customer sends the same cookie for a day: a token decrypts to
 * the same claims every time, so it is decrypted once. Only tokens that opened are kept, and a
 * kept one stops opening at its expiry. Shared through globalThis, as proxy.ts is bundled apart
 * from the pages.
 */
const globalForSessions = globalThis as unknown as { hashworkOpenedSessions?: LRUCache<string, JWT> };
function openedTokens(): LRUCache<string, JWT> {
  return (globalForSessions.hashworkOpenedSessions ??= new LRUCache<string, JWT>({ max: 5_000 }));
}

/** The first session cookie the request carries, decrypted; null when there is none or it does not open. */
async function openSessionCookie(
  cookie: CookieGetter,
): Promise<{ name: (typeof SESSION_COOKIE_NAMES)[number]; payload: JWT; chunked: boolean } | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const found = cookieValue(cookie, name);
    if (!found) continue;
    if (!COMPACT_JWE.test(found.token)) return null;
    const opened = openedTokens();
    const key = `${name} ${found.token}`; // the name salts the key: a token opens under its own name only
    let payload = opened.get(key);
    if (!payload) {
      payload =
        (await decode({ token: found.token, secret: sessionSecrets(), salt: name }).catch(() => null)) ?? undefined;
      if (!payload) return null;
      opened.set(key, payload);
    }
    if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
    return { name, payload, chunked: found.chunked };
  }
  return null;
}

/** Whether the request carries a session cookie, whole or in chunks (opened or not). */
export function hasSessionCookie(has: (name: string) => boolean): boolean {
  return SESSION_COOKIE_NAMES.some((name) => has(name) || has(chunkName(name, 0)));
}

const chunkName = (name: string, index: number) => `${name}.${index}`;

function cookieValue(cookie: CookieGetter, name: string): { token: string; chunked: boolean } | undefined {
  const whole = cookie(name);
  if (whole) return { token: whole, chunked: false };
  const chunks: string[] = [];
  for (let index = 0; index < MAX_CHUNKS; index++) {
    const chunk = cookie(chunkName(name, index));
    if (!chunk) break;
    chunks.push(chunk);
  }
  return chunks.length ? { token: chunks.join(""), chunked: true } : undefined;
}
