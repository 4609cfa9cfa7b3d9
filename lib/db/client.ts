// Builds a Prisma client on the pg driver adapter. The app uses the one in lib/db.ts;
// scripts (seed, tests) call this directly with the URL they manage.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    // A connection that cannot be had within 15 s (a server that stopped answering without
    // closing its sockets, or a pool saturated that long) fails the request instead of holding
    // it for the operating system's TCP timeout. Transactions give up earlier, at maxWait.
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 15_000 }),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true, totpSecretEnc: true } },
    // A burst of buyers queues for the pool's connections; waiting a few seconds for one beats
    // failing a purchase after Prisma's default two.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
