// Time-based one-time passwords (RFC 6238, 30 s steps) with otplib. A code is accepted at most
// once: the accepted time step is stored, and a later code must come from a later step. The
// secret is kept encrypted (AES-256-GCM) and only decrypted here.
import "server-only";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { keyRing } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db";
import { openTotpSecret, sealTotpSecret } from "./totp-secret";

export const TOTP_ISSUER = "Hashwork";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export function encryptTotpSecret(
  userId: string,
  secret: string,
): { totpSecretEnc: Uint8Array<ArrayBuffer>; totpKeyId: string } {
  return sealTotpSecret(keyRing(), userId, secret);
}

export function decryptTotpSecret(userId: string, blob: Uint8Array): string {
  return openTotpSecret(keyRing(), userId, blob);
}

/** Checks a 6-digit code against a secret; the matching time step, or null. (±1 step of drift.) */
export async function matchTotp(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: 30 });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Accepts `code` for the user's enabled (or, with `pending`, just-enrolled) secret, once:
 * the step is recorded with a conditional update, so a replay — even a concurrent one — fails.
 */
export async function consumeTotp(userId: string, code: string, { pending = false } = {}): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true },
  });
  if (!user?.totpSecretEnc || (!pending && !user.totpEnabledAt)) return false;
  const step = await matchTotp(decryptTotpSecret(userId, user.totpSecretEnc), code);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { totpLastStep: BigInt(step) },
  });
  return count === 1;
}

/** The current code for a secret (tests and the enrolment self-check use it). */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
