// Password hashing with argon2id at OWASP's minimum cost (19 MiB, t=2, p=1). @node-rs/argon2
// ships a prebuilt binary per platform (no install script, no compiler), and verifies the PHC
// strings any argon2 library writes, so hashes made by earlier versions keep working.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, so spelled out */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}
