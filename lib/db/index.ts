// The app's one Prisma client. Cached on globalThis so dev-mode reloads reuse the pool.
import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/client";

const globalForDb = globalThis as unknown as { hashworkDb?: Db };

export const db: Db = globalForDb.hashworkDb ?? createPrismaClient(env().DATABASE_URL);

if (process.env.NODE_ENV !== "production") globalForDb.hashworkDb = db;
