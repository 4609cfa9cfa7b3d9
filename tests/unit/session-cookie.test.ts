import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deriveKey } from "@/lib/crypto/derived-keys";
import { generateKeyEntry } from "@/lib/crypto/encryption";

// Reading the session cookie without next-auth's auth(): the claims come out of a cookie our
// own secret encrypted, under the name it was made for, and out of nothing else.
const CURRENT = "Xn4Lw9Pq2Rt7Yb1Vc6Zm3Ks8Dh5Fj0Ga-new-secret";
const OLDER = "q8Zr0vK3nT6yW1pB4mX7cL2sD9fH5jG0-old-secret";
const STRANGER = "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp-not-ours";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const CLAIMS = { sub: "6f1c9a52-3a5e-4c1b-9d1e-2b7f0c8a9e11", sv: 3, sid: "0b8e7d6c-5a4b-4c3d-8e2f-1a0b9c8d7e6f" };
const saved = { ...process.env };

let sessionClaims: typeof import("@/lib/auth/session-cookie").sessionClaims;
let renewedSessionCookie: typeof import("@/lib/auth/session-cookie").renewedSessionCookie;
let proxy: typeof import("@/proxy").proxy;

beforeEach(async () => {
  vi.resetModules();
  Object.assign(process.env, {
    AUTH_SECRET: `${CURRENT},${OLDER}`,
    ENCRYPTION_KEY: generateKeyEntry("k1"),
    DATABASE_URL: "postgresql://127.0.0.1/unused",
  });
  ({ sessionClaims, renewedSessionCookie } = await import("@/lib/auth/session-cookie"));
  ({ proxy } = await import("@/proxy"));
});

afterEach(() => {
  vi.useRealTimers();
  process.env = { ...saved };
  vi.resetModules();
});

/** A session cookie as next-auth makes one, under `secret`'s session key. */
function cookieFor(secret: string, { salt = PLAIN, maxAge = 3600 }: { salt?: string; maxAge?: number } = {}) {
  return encode({ token: CLAIMS, secret: deriveKey(secret, "session").toString("base64url"), salt, maxAge });
}

const jar =
  (cookies: Record<string, string>) =>
  (name: string): string | undefined =>
    cookies[name];

const expected = { userId: CLAIMS.sub, version: CLAIMS.sv, sessionId: CLAIMS.sid };

describe("the session cookie", () => {
  it("yields the claims of a cookie made with the current secret, under either name", async () => {
    expect(await sessionClaims(jar({ [PLAIN]: await cookieFor(CURRENT) }))).toEqual(expected);
    expect(await sessionClaims(jar({ [SECURE]: await cookieFor(CURRENT, { salt: SECURE }) }))).toEqual(expected);
  });

  it("still opens a cookie made with an older secret that AUTH_SECRET lists", async () => {
    expect(await sessionClaims(jar({ [PLAIN]: await cookieFor(OLDER) }))).toEqual(expected);
  });

  it("refuses a cookie made with a secret that is not listed", async () => {
    expect(await sessionClaims(jar({ [PLAIN]: await cookieFor(STRANGER) }))).toBeNull();
  });

  it("refuses a cookie moved to the other cookie name (the name is part of its key)", async () => {
    expect(await sessionClaims(jar({ [SECURE]: await cookieFor(CURRENT, { salt: PLAIN }) }))).toBeNull();
  });

  it("refuses an expired cookie", async () => {
    expect(await sessionClaims(jar({ [PLAIN]: await cookieFor(CURRENT, { maxAge: -120 }) }))).toBeNull();
  });

  it("refuses a cookie it opened before once it expires, and under the other name", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await cookieFor(CURRENT, { maxAge: 60 });
    expect(await sessionClaims(jar({ [PLAIN]: token }))).toEqual(expected);
    expect(await sessionClaims(jar({ [SECURE]: token }))).toBeNull();
    vi.setSystemTime(Date.now() + 61_000);
    expect(await sessionClaims(jar({ [PLAIN]: token }))).toBeNull();
  });

  it("refuses a cookie with one character changed, cut short, or carrying a tab or newline", async () => {
    const token = await cookieFor(CURRENT);
    const middle = Math.floor(token.length / 2);
    const flipped = token.slice(0, middle) + (token[middle] === "A" ? "B" : "A") + token.slice(middle + 1);
    for (const hostile of [flipped, token.slice(0, -5), `${token}\t`, `${token.slice(0, 20)}\n${token.slice(20)}`]) {
      expect(await sessionClaims(jar({ [PLAIN]: hostile }))).toBeNull();
    }
    for (const junk of ["x", "forged", "a.b.c.d.e", "", " ".repeat(5000)]) {
      expect(await sessionClaims(jar({ [PLAIN]: junk }))).toBeNull();
    }
  });

  it("reassembles a cookie split into chunks, in order", async () => {
    const token = await cookieFor(CURRENT);
    const third = Math.ceil(token.length / 3);
    const chunks = { [`${PLAIN}.0`]: token.slice(0, third), [`${PLAIN}.1`]: token.slice(third, 2 * third) };
    expect(await sessionClaims(jar({ ...chunks, [`${PLAIN}.2`]: token.slice(2 * third) }))).toEqual(expected);
    // A missing middle chunk leaves a token that does not decrypt.
    expect(
      await sessionClaims(jar({ [`${PLAIN}.0`]: token.slice(0, third), [`${PLAIN}.2`]: token.slice(2 * third) })),
    ).toBeNull();
  });

  it("gives nothing without a session cookie", async () => {
    expect(await sessionClaims(jar({}))).toBeNull();
    expect(await sessionClaims(jar({ "authjs.csrf-token": "abc", other: "1" }))).toBeNull();
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_SECONDS = 7 * 24 * 60 * 60;
const SIGNED_IN_AT = new Date("2026-11-02T09:00:00Z");

/** A 7-day session cookie as sign-in makes it, `ageMs` ago; the clock is then moved to now. */
async function cookieAged(ageMs: number, { secret = CURRENT, salt = PLAIN } = {}): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SIGNED_IN_AT);
  const token = await cookieFor(secret, { salt, maxAge: WEEK_SECONDS });
  vi.setSystemTime(SIGNED_IN_AT.getTime() + ageMs);
  return token;
}

const currentOnly = (token: string, salt: string) =>
  decode({ token, secret: deriveKey(CURRENT, "session").toString("base64url"), salt });

describe("the session cookie slides", () => {
  it("is re-issued once a day old: same claims, under the current secret, 7 days from now", async () => {
    const token = await cookieAged(2 * DAY_MS + 5_000, { secret: OLDER });
    const renewed = await renewedSessionCookie(jar({ [PLAIN]: token }));
    const now = Date.now();
    expect(renewed).toMatchObject({ name: PLAIN, httpOnly: true, sameSite: "lax", path: "/", secure: false });
    expect(renewed!.expires.getTime()).toBe(now + WEEK_SECONDS * 1000);
    const payload = await currentOnly(renewed!.value, PLAIN);
    expect(payload).toMatchObject({
      ...CLAIMS,
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + WEEK_SECONDS,
    });
    expect(await sessionClaims(jar({ [PLAIN]: renewed!.value }))).toEqual(expected);
  });

  it("keeps the HTTPS name and marks the renewed cookie Secure", async () => {
    const token = await cookieAged(3 * DAY_MS, { salt: SECURE });
    const renewed = await renewedSessionCookie(jar({ [SECURE]: token }));
    expect(renewed).toMatchObject({ name: SECURE, secure: true });
    expect(await currentOnly(renewed!.value, SECURE)).toMatchObject(CLAIMS);
  });

  it("is left alone while less than a day old", async () => {
    const token = await cookieAged(DAY_MS - 60_000);
    expect(await renewedSessionCookie(jar({ [PLAIN]: token }))).toBeNull();
  });

  it("never revives a cookie that lapsed, was forged, altered, moved or split", async () => {
    const lapsed = await cookieAged(8 * DAY_MS);
    expect(await renewedSessionCookie(jar({ [PLAIN]: lapsed }))).toBeNull();
    const forged = await cookieAged(2 * DAY_MS, { secret: STRANGER });
    expect(await renewedSessionCookie(jar({ [PLAIN]: forged }))).toBeNull();
    const token = await cookieAged(2 * DAY_MS);
    for (const hostile of [`${token}\t`, `${token.slice(0, 30)}\n${token.slice(30)}`, token.slice(0, -3)]) {
      expect(await renewedSessionCookie(jar({ [PLAIN]: hostile }))).toBeNull();
    }
    expect(await renewedSessionCookie(jar({ [SECURE]: token }))).toBeNull();
    const half = Math.ceil(token.length / 2);
    const split = { [`${PLAIN}.0`]: token.slice(0, half), [`${PLAIN}.1`]: token.slice(half) };
    expect(await sessionClaims(jar(split))).toEqual(expected);
    expect(await renewedSessionCookie(jar(split))).toBeNull();
  });

  it("the proxy sets the renewed cookie on a page's response, and only when it is due", async () => {
    const due = await cookieAged(2 * DAY_MS);
    const request = (path: string, cookie: string) =>
      new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { cookie: `${PLAIN}=${cookie}` } });
    const setCookie = async (path: string, cookie: string) =>
      (await proxy(request(path, cookie))).cookies.get(PLAIN)?.value;

    const renewed = await setCookie("/dashboard/wallet", due);
    expect(renewed).toBeTruthy();
    expect(await currentOnly(renewed!, PLAIN)).toMatchObject({ ...CLAIMS, iat: Math.floor(Date.now() / 1000) });
    // next-auth's own routes set the cookie themselves; a fresh or forged cookie is not touched.
    expect(await setCookie("/api/auth/session", due)).toBeUndefined();
    const fresh = await cookieAged(60_000);
    expect(await setCookie("/dashboard", fresh)).toBeUndefined();
    expect(await setCookie("/dashboard", `${due.slice(0, 40)}%09${due.slice(40)}`)).toBeUndefined();
  });
});
