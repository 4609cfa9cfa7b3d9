// Fills an empty database with the demo catalogue, 30 days of market data and two logins.
// Idempotent: it only adds what is missing, so it never overwrites an admin's edits.
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { SEED_ACCOUNTS, SEED_PRODUCTS, seedMarketFor } from "./seed-data";

export type SeedOptions = { demoAccounts?: boolean; today?: Date };

export async function seed(db: Db, { demoAccounts = true, today = new Date() }: SeedOptions = {}) {
  for (const product of SEED_PRODUCTS) {
    await db.product.upsert({ where: { slug: product.slug }, create: product, update: {} });
  }

  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
    const day = new Date(todayUtc - daysAgo * 86_400_000);
    await db.marketSnapshot.upsert({
      where: { day },
      create: { day, source: "seed", ...seedMarketFor(daysAgo) },
      update: {},
    });
  }

  if (demoAccounts) {
    for (const account of SEED_ACCOUNTS) {
      const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
      if (existing) continue;
      await db.user.create({
        data: {
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          passwordHash: await hashPassword(account.password),
          emailVerifiedAt: new Date(),
        },
      });
    }
  }
}

// `npm run db:seed` against DATABASE_URL.
if (process.argv[1] && /prisma[\\/]seed\.ts$/.test(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
    process.exit(2);
  }
  const db = createPrismaClient(url);
  seed(db, { demoAccounts: process.env.SEED_DEMO_ACCOUNTS !== "false" })
    .then(() => console.log("Seeded."))
    .finally(() => db.$disconnect());
}
