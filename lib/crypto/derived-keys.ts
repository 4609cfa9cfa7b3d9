// One configured secret, one key per purpose. Every key that signs or hashes is derived from
// AUTH_SECRET with HKDF-SHA256 and a label naming its use, so no two uses share a key and a
// value made for one purpose never verifies for another. AUTH_SECRET may list older secrets
// after the current one ("new,old"): the current secret's keys sign and hash, and keys of every
// listed secret still verify, so a rotation keeps sessions, recovery codes and ID-number
// look-ups working until the old secret is dropped (README, "Keys and rotation").
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

export const KEY_PURPOSES = [
  "session", // next-auth's session cookies
  "sign-in-ticket", // the one-minute ticket our sign-in actions hand to next-auth
  "second-factor-challenge", // the cookie that remembers a passed password step
  "recovery-code", // keyed hashes of 2FA recovery codes
  "kyc-id-number", // keyed hashes of ID numbers, to find duplicates without decrypting
  "consent-cookie", // the signature of the cookie that keeps a browser's cookie choice
  "api-key", // keyed hashes of customers' personal API keys
] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

const SALT = "hashwork-key-derivation-v1";

export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, `hashwork/${purpose}`, 32));
}

const cache = new Map<KeyPurpose, Buffer[]>();

/** The keys for `purpose`, the current one first, then one per older listed secret. */
export function keysFor(purpose: KeyPurpose): Buffer[] {
  let keys = cache.get(purpose);
  if (!keys) {
    keys = env().AUTH_SECRET.map((secret) => deriveKey(secret, purpose));
    cache.set(purpose, keys);
  }
  return keys;
}

export function currentKey(purpose: KeyPurpose): Buffer {
  return keysFor(purpose)[0]!;
}

/** A keyed hash (HMAC-SHA256, hex) of `value` under the current key. */
export function keyedHash(purpose: KeyPurpose, value: string): string {
  return createHmac("sha256", currentKey(purpose)).update(value).digest("hex");
}

/** The keyed hashes of `value` under every listed secret, current first: for look-ups. */
export function keyedHashes(purpose: KeyPurpose, value: string): string[] {
  return keysFor(purpose).map((key) => createHmac("sha256", key).update(value).digest("hex"));
}
