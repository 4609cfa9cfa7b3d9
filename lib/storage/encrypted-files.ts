// Files at rest: encrypted with AES-256-GCM and written under random names in STORAGE_DIR
// (default .data/storage). The database keeps only the random key; nothing identifying is in a
// file name. Kept on disk rather than in PostgreSQL so database backups and dumps stay small and
// the files can move to object storage later without touching the schema.
import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDecryptStream, createEncryptStream, decrypt, encrypt, STREAM_TAG_BYTES } from "@/lib/crypto/encryption";
import { keyRing } from "@/lib/crypto/key-ring";
import { env } from "@/lib/env";

export function storageDir(): string {
  return path.resolve(env().STORAGE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "storage"));
}

const WRITE_BATCH_BYTES = 1024 * 1024;

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

/**
 * Encrypts a stream into a new file chunk by chunk, so its size never has to fit in memory.
 * `context` binds the ciphertext to its owner row, as for storeEncryptedFile. A failed source
 * leaves no file behind.
 */
export async function storeEncryptedStream(
  source: Readable | NodeJS.ReadableStream,
  context: (storageKey: string) => string,
  storageKey: string = randomUUID(),
): Promise<{ storageKey: string; keyId: string; sizeBytes: number }> {
  const { header, cipher, keyId } = createEncryptStream(keyRing(), context(storageKey));
  const file = pathFor(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  let sizeBytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Header first, then the ciphertext, then the tag (known once the cipher has ended).
  // Small chunks are gathered into writes of about 1 MiB: one system call each instead of dozens.
  async function* framed(ciphertext: AsyncIterable<Buffer>) {
    let pending: Buffer[] = [header];
    let pendingBytes = header.length;
    for await (const chunk of ciphertext) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BATCH_BYTES) {
        yield Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
    pending.push(cipher.getAuthTag());
    yield Buffer.concat(pending);
  }
  try {
    await pipeline(source, count, cipher, framed, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { storageKey, keyId, sizeBytes };
}

/**
 * The plaintext of a file written by storeEncryptedStream, as a stream. The tag is read from the
 * end of the file first; a tampered file makes the stream fail at its end, so a reader must treat
 * the content as good only once the stream ended without error.
 */
export async function openEncryptedStream(
  storageKey: string,
  context: string,
): Promise<{ stream: Readable; sizeBytes: number }> {
  const file = pathFor(storageKey);
  const { size } = await stat(file);
  const handle = await open(file, "r");
  const head = Buffer.alloc(Math.min(size, 2 + 255 + 12));
  const tag = Buffer.alloc(STREAM_TAG_BYTES);
  try {
    await handle.read(head, 0, head.length, 0);
    await handle.read(tag, 0, STREAM_TAG_BYTES, size - STREAM_TAG_BYTES);
  } finally {
    await handle.close();
  }
  const { decipher, headerBytes } = createDecryptStream(keyRing(), head, tag, context);
  const end = size - STREAM_TAG_BYTES - 1;
  if (end < headerBytes - 1) throw new Error("Truncated ciphertext");
  const ciphertext = createReadStream(file, { start: headerBytes, end });
  ciphertext.on("error", (error) => decipher.destroy(error));
  return { stream: ciphertext.pipe(decipher), sizeBytes: size - headerBytes - STREAM_TAG_BYTES };
}
