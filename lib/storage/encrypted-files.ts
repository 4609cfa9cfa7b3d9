// Files at rest: encrypted with AES-256-GCM and written under random names in STORAGE_DIR
// (default .data/storage). The database keeps only the random key; nothing identifying is in a
// file name. Kept on disk rather than in PostgreSQL so database backups and dumps stay small and
// the files can move to object storage later without touching the schema.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { decrypt, encrypt } from "@/lib/crypto/encryption";
import { keyRing } from "@/lib/crypto/key-ring";
import { env } from "@/lib/env";

export function storageDir(): string {
  return path.resolve(env().STORAGE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "storage"));
}

function pathFor(storageKey: string): string {
  if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error("Bad storage key");
  return path.join(storageDir(), storageKey.slice(0, 2), storageKey);
}

/** Encrypts and stores `content`; `context` binds the ciphertext to its owner row. */
export async function storeEncryptedFile(
  content: Buffer,
  context: (storageKey: string) => string,
): Promise<{ storageKey: string; keyId: string }> {
  const storageKey = randomUUID();
  const { blob, keyId } = encrypt(keyRing(), content, context(storageKey));
  const file = pathFor(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, blob, { mode: 0o600 });
  return { storageKey, keyId };
}

export async function readEncryptedFile(storageKey: string, context: string): Promise<Buffer> {
  return decrypt(keyRing(), await readFile(pathFor(storageKey)), context);
}

export async function deleteEncryptedFile(storageKey: string): Promise<void> {
  await rm(pathFor(storageKey), { force: true });
}
