// Single-use, expiring links sent by email. Only a SHA-256 of the token is stored, and using
// one is a conditional update, so two clicks cannot both succeed.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/enums";

const LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueEmailToken(userId: string, purpose: EmailTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.emailToken.create({
    data: { userId, purpose, tokenHash: hash(token), expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]) },
  });
  return token;
}

/** Marks the token used and returns its user id, or null if unknown, used, expired or malformed. */
export async function redeemEmailToken(token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hash(token);
  const { count } = await db.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return row.userId;
}

/** True when the token could still be used (to show the form, before anything is changed). */
export async function isEmailTokenUsable(token: string, purpose: EmailTokenPurpose): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const row = await db.emailToken.findUnique({ where: { tokenHash: hash(token) } });
  return Boolean(row && row.purpose === purpose && !row.usedAt && row.expiresAt > new Date());
}

/** Uses up every outstanding link of this purpose (a new password voids older reset links). */
export async function voidEmailTokens(
  userId: string,
  purpose: EmailTokenPurpose,
  client: Pick<typeof db, "emailToken"> = db,
): Promise<void> {
  await client.emailToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
}
