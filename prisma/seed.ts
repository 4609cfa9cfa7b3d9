// Fills an empty database with the demo catalogue, 60 days of market data and, when asked, two
// demo logins. Idempotent: it only adds what is missing, so it never overwrites an admin's edits.
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { SEED_ACCOUNTS, SEED_MARKET_DAYS, SEED_PRODUCTS, seedMarketFor } from "./seed-data";

export type SeedOptions = { demoAccounts?: boolean; today?: Date };

/**
 * Whether the demo logins (whose passwords are printed and published) belong in a database:
 * only the embedded development one, unless SEED_DEMO_ACCOUNTS says otherwise explicitly.
 */
export function wantsDemoAccounts({
  embedded,
  flag,
}: {
  embedded: boolean;
  flag: "true" | "false" | undefined;
}): boolean {
  return flag === undefined ? embedded : flag === "true";
}

export async function seed(db: Db, { demoAccounts = false, today = new Date() }: SeedOptions = {}) {
  for (const product of SEED_PRODUCTS) {
    await db.product.upsert({ where: { slug: product.slug }, create: product, update: {} });
  }

  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let daysAgo = SEED_MARKET_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(todayUtc - daysAgo * 86_400_000);
    await db.marketSnapshot.upsert({
      where: { day },
      create: { day, source: "seed", ...seedMarketFor(daysAgo) },
      update: {},
    });
  }

  // Only into a database without any account yet: a demo login someone deleted stays deleted.
  if (demoAccounts && (await db.user.count()) === 0) {
    for (const account of SEED_ACCOUNTS) {
      await db.user.create({
        data: {
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          passwordHash: await hashPassword(account.password),
          emailVerifiedAt: new Date(),
          // As if they had signed up through the form, which records the terms in force: the
          // demo customer's first sign-in shows the dashboard, not a notice of "new" terms.
          ...(account.role === "customer" && {
            termsAcceptances: { create: { version: CURRENT_TERMS.id, source: "sign_up" } },
          }),
        },
      });
    }
  }
}

/** The demo logins that exist and still have their published password (to print at start). */
export async function workingDemoLogins(db: Db): Promise<typeof SEED_ACCOUNTS> {
  const working: typeof SEED_ACCOUNTS = [];
  for (const account of SEED_ACCOUNTS) {
    const user = await db.user.findUnique({ where: { email: account.email }, select: { passwordHash: true } });
    if (user && (await verifyPassword(user.passwordHash, account.password))) working.push(account);
  }
  return working;
}

/**
 * On a database that should not have demo logins, a demo login that still opens with its
 * published password (seeded there by an older version) gets a random password instead: its
 * owner can set a new one by email. Returns the emails it locked.
 */
export async function lockPublishedDemoLogins(db: Db): Promise<string[]> {
  const locked: string[] = [];
  for (const account of await workingDemoLogins(db)) {
    await db.user.update({
      where: { email: account.email },
      data: { passwordHash: await hashPassword(randomBytes(32).toString("base64")), sessionVersion: { increment: 1 } },
    });
    locked.push(account.email);
  }
  return locked;
}

// `npm run db:seed` against DATABASE_URL: the catalogue and market data; demo logins only with
// SEED_DEMO_ACCOUNTS=true.
if (process.argv[1] && /prisma[\\/]seed\.ts$/.test(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
    process.exit(2);
  }
  const db = createPrismaClient(url);
  seed(db, { demoAccounts: process.env.SEED_DEMO_ACCOUNTS === "true" })
    .then(() => console.log("Seeded."))
    .finally(() => db.$disconnect());
}
