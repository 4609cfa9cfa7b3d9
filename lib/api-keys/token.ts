// The shape of a personal API key: "hw_live_", then 8 characters that name the key (its
// prefix, stored and shown), then 32 secret characters, all base62 — about 190 bits of secret,
// and a string a secret scanner can recognise. Only a keyed hash of the whole key is stored.
import "server-only";
import { randomInt, timingSafeEqual } from "node:crypto";
import { keyedHash, keyedHashes } from "@/lib/crypto/derived-keys";

const BRAND = "hw_live_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const NAME_LENGTH = 8;
const SECRET_LENGTH = 32;
const KEY_PATTERN = new RegExp(`^${BRAND}[0-9A-Za-z]{${NAME_LENGTH + SECRET_LENGTH}}$`);

function randomText(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

/** A new key, shown to its owner once, with its prefix and the hash to store. */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const key = `${BRAND}${randomText(NAME_LENGTH + SECRET_LENGTH)}`;
  return { key, prefix: apiKeyPrefix(key), secretHash: keyedHash("api-key", key) };
}

/** The stored, shown part of a key. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, BRAND.length + NAME_LENGTH);
}

/** Whether `text` has the shape of a key at all (checked before any database read). */
export function looksLikeApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** Whether `key` hashes to `storedHash` under the current or an older secret, in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, "hex");
  return keyedHashes("api-key", key).some((hash) => {
    const candidate = Buffer.from(hash, "hex");
    return candidate.length === stored.length && timingSafeEqual(candidate, stored);
  });
}
