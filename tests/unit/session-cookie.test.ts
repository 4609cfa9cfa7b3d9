import { encode } from "next-auth/jwt";
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

beforeEach(async () => {
  vi.resetModules();
  Object.assign(process.env, {
    AUTH_SECRET: `${CURRENT},${OLDER}`,
    ENCRYPTION_KEY: generateKeyEntry("k1"),
    DATABASE_URL: "postgresql://127.0.0.1/unused",
  });
  ({ sessionClaims } = await import("@/lib/auth/session-cookie"));
});

afterEach(() => {
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
