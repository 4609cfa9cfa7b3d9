// Small factories for integration tests: users with a known password.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "copper-lantern-orbit-57";
let cachedHash: Promise<string> | undefined;

export async function createUser(db: Db, overrides: { role?: Role; email?: string; verified?: boolean } = {}) {
  return db.user.create({
    data: {
      email: overrides.email ?? `user-${randomBytes(6).toString("hex")}@example.com`,
      passwordHash: await (cachedHash ??= hashPassword(TEST_PASSWORD)),
      role: overrides.role ?? "customer",
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}
