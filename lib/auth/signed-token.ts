// Short-lived tokens the server signs for itself (HMAC-SHA256 with a key derived from
// AUTH_SECRET per purpose): "<userId>.<expiresAtMs>.<signature>".
import { createHmac, timingSafeEqual } from "node:crypto";
import { currentKey, keysFor } from "@/lib/crypto/derived-keys";

export type TokenPurpose = "sign-in-ticket" | "second-factor-challenge";

function signature(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function signToken(purpose: TokenPurpose, userId: string, ttlMs: number, now = Date.now()): string {
  const payload = `${userId}.${now + ttlMs}`;
  return `${payload}.${signature(currentKey(purpose), payload)}`;
}

/** The user id inside a valid, unexpired token of this purpose; null otherwise. */
export function verifyToken(purpose: TokenPurpose, token: unknown, now = Date.now()): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, expiresAt, given] = parts as [string, string, string];
  const actual = Buffer.from(given);
  const signedByUs = keysFor(purpose).some((key) => {
    const expected = Buffer.from(signature(key, `${userId}.${expiresAt}`));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
  if (!signedByUs) return null;
  if (!/^\d+$/.test(expiresAt) || Number(expiresAt) < now) return null;
  return userId;
}
