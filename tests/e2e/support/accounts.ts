// Accounts for browser tests, written straight into the run's database, and signing in as them.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../../lib/auth/password";

export const PASSWORD = "copper-lantern-orbit-57";
export type Role = "customer" | "kyc_reviewer" | "privacy_officer" | "admin";
export type Account = { id: string; email: string; role: Role };

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
export async function createAccount(role: Role): Promise<Account> {
  const email = `${role.replace("_", "-")}-${randomBytes(4).toString("hex")}@example.com`;
  const [row] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", role, "emailVerifiedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, now(), now()) RETURNING id`,
    [email, await (hash ??= hashPassword(PASSWORD)), role],
  );
  return { id: row!.id, email, role };
}

export async function signIn(page: Page, account: { email: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}
