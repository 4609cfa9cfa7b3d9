// Builds a Prisma client on the pg driver adapter. The app uses the one in lib/db.ts;
// scripts (seed, tests) call this directly with the URL they manage.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true, totpSecretEnc: true } },
    // A burst of buyers queues for the pool's connections; waiting a few seconds for one beats
    // failing a purchase after Prisma's default two.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
