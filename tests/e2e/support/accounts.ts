// Accounts for browser tests, written straight into the run's database, and signing in as them.
// Staff accounts get two-factor authentication on (staff pages refuse to work without it).
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { generate, generateSecret } from "otplib";
import pg from "pg";
import { hashPassword } from "../../../lib/auth/password";
import { sealTotpSecret } from "../../../lib/auth/totp-secret";
import { parseKeyRing } from "../../../lib/crypto/encryption";
import type { Role } from "../../../lib/generated/prisma/enums";
import { CURRENT_TERMS } from "../../../lib/privacy/terms";
import { E2E_PASSWORD } from "./secrets";

export type { Role };

export const PASSWORD = E2E_PASSWORD;
export type Account = { id: string; email: string; role: Role; totpSecret: string | null };

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let hash: Promise<string> | undefined;
export async function createAccount(role: Role, { twoFactor = role !== "customer" } = {}): Promise<Account> {
  const email = `${role.replace("_", "-")}-${randomBytes(4).toString("hex")}@example.com`;
  const [row] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", role, "emailVerifiedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, now(), now()) RETURNING id`,
    [email, await (hash ??= hashPassword(PASSWORD)), role],
  );
  const id = row!.id;
  // As at sign-up: the account accepted the terms in force (tests of a newer version undo this).
  await query(
    `INSERT INTO "TermsAcceptance" (id, "userId", version, source) VALUES (gen_random_uuid(), $1, $2, 'sign_up')`,
    [id, CURRENT_TERMS.id],
  );
  if (!twoFactor) return { id, email, role, totpSecret: null };
  const totpSecret = generateSecret();
  const sealed = sealTotpSecret(parseKeyRing(process.env.ENCRYPTION_KEY!), id, totpSecret);
  await query(`UPDATE "User" SET "totpSecretEnc" = $2, "totpKeyId" = $3, "totpEnabledAt" = now() WHERE id = $1`, [
    id,
    Buffer.from(sealed.totpSecretEnc),
    sealed.totpKeyId,
  ]);
  return { id, email, role, totpSecret };
}

/** Signs in through the form, answering the second-factor step for accounts that have one. */
export async function signIn(
  page: Page,
  account: { id?: string; email: string; totpSecret?: string | null },
): Promise<void> {
  // Checking a password is slow on purpose (Argon2), and with two workers two sign-ins may share
  // the processor: each step of the sign-in gets 15 s.
  const slow = { timeout: 15_000 };
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (account.totpSecret && account.id) {
    await expect(page.getByLabel("Authentication code")).toBeVisible(slow);
    // A code is accepted once per 30 s step; tests sign the same account in more often than that.
    await query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id = $1`, [account.id]);
    await page.getByLabel("Authentication code").fill(await generate({ secret: account.totpSecret }));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible(slow);
}
