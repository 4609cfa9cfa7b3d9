// AES-256-GCM for data at rest (TOTP secrets, KYC fields and files). Keys come from
// ENCRYPTION_KEY as "id:base64key[,id:base64key…]": the first key encrypts, every listed key
// decrypts, so keys can rotate: add a new key in front, re-encrypt, then drop the old one.
// Blob layout: 1 byte version | 1 byte id length | id | 12-byte IV | 16-byte tag | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type KeyRing = { currentId: string; keys: Map<string, Buffer> };

export function parseKeyRing(value: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let currentId: string | undefined;
  for (const part of value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const separator = part.indexOf(":");
    const id = part.slice(0, separator);
    const key = Buffer.from(part.slice(separator + 1), "base64");
    if (separator < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new Error("ENCRYPTION_KEY entries look like id:base64key");
    if (key.length !== 32) throw new Error(`ENCRYPTION_KEY "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(id)) throw new Error(`ENCRYPTION_KEY lists "${id}" twice`);
    keys.set(id, key);
    currentId ??= id;
  }
  if (!currentId) throw new Error("ENCRYPTION_KEY is empty");
  return { currentId, keys };
}

/** A new key entry for ENCRYPTION_KEY. */
export function generateKeyEntry(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/**
 * Encrypts `plaintext`. `context` (e.g. "totp:<userId>") is authenticated but not stored: a blob
 * only decrypts with the same context, so one row's ciphertext cannot be pasted into another.
 */
export function encrypt(ring: KeyRing, plaintext: Buffer, context: string): { blob: Buffer; keyId: string } {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const id = Buffer.from(ring.currentId, "utf8");
  const blob = Buffer.concat([Buffer.from([VERSION, id.length]), id, iv, cipher.getAuthTag(), ciphertext]);
  return { blob, keyId: ring.currentId };
}

export function decrypt(ring: KeyRing, blob: Buffer, context: string): Buffer {
  if (blob.length < 2 || blob[0] !== VERSION) throw new Error("Unknown ciphertext format");
  const idLength = blob[1]!;
  const id = blob.subarray(2, 2 + idLength).toString("utf8");
  const key = ring.keys.get(id);
  if (!key) throw new Error(`No key "${id}" in ENCRYPTION_KEY to decrypt with`);
  let offset = 2 + idLength;
  const iv = blob.subarray(offset, (offset += IV_BYTES));
  const tag = blob.subarray(offset, (offset += TAG_BYTES));
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(offset)), decipher.final()]);
}

// Streams: files too large to hold in memory (privacy exports). Layout: 1 byte version (2) |
// 1 byte id length | id | 12-byte IV | ciphertext | 16-byte tag. The tag comes last because it is
// only known once everything is encrypted; a reader takes it from the end of the file first.
const STREAM_VERSION = 2;

/** A cipher stream and the header to write before its output; the tag follows `cipher.final()`. */
export function createEncryptStream(
  ring: KeyRing,
  context: string,
): { header: Buffer; cipher: CipherGCM; keyId: string } {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const id = Buffer.from(ring.currentId, "utf8");
  return { header: Buffer.concat([Buffer.from([STREAM_VERSION, id.length]), id, iv]), cipher, keyId: ring.currentId };
}

export const STREAM_TAG_BYTES = TAG_BYTES;

/** Reads a stream header (its first bytes); returns the decipher (tag still to set) and the header's length. */
export function createDecryptStream(
  ring: KeyRing,
  head: Buffer,
  tag: Buffer,
  context: string,
): { decipher: DecipherGCM; headerBytes: number } {
  if (head.length < 2 || head[0] !== STREAM_VERSION) throw new Error("Unknown ciphertext format");
  const idLength = head[1]!;
  const id = head.subarray(2, 2 + idLength).toString("utf8");
  const key = ring.keys.get(id);
  if (!key) throw new Error(`No key "${id}" in ENCRYPTION_KEY to decrypt with`);
  const iv = head.subarray(2 + idLength, 2 + idLength + IV_BYTES);
  if (iv.length !== IV_BYTES) throw new Error("Truncated ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  return { decipher, headerBytes: 2 + idLength + IV_BYTES };
}
