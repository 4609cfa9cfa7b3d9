// Ten single-use recovery codes per 2FA enrolment, shown once and stored as keyed hashes
// (they are 50 random bits each, so a fast keyed hash is enough).
import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { keyedHash, keyedHashes } from "@/lib/crypto/derived-keys";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (i/l/1, o/0)
export const RECOVERY_CODE_COUNT = 10;

const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
const hashCode = (code: string) => keyedHash("recovery-code", normalise(code));

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Replaces the user's recovery codes with ten new ones and returns them (the only time they are seen). */
export async function regenerateRecoveryCodes(
  userId: string,
  client: Pick<typeof db, "recoveryCode"> = db,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await client.recoveryCode.deleteMany({ where: { userId } });
  await client.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashCode(code) })) });
  return codes;
}

/** Uses up a recovery code; false if unknown or already used (a conditional update, so once only). */
export async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  if (!/^[A-Za-z0-9-\s]{10,14}$/.test(code)) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: { in: keyedHashes("recovery-code", normalise(code)) }, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count >= 1;
}

export function remainingRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
