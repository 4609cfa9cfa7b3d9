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

type ProductOverrides = Partial<{
  inventoryTh: number;
  soldTh: number;
  minOrderTh: number;
  maxOrderTh: number;
  poolFeeBps: number;
  serviceFeePerThDay: string;
  status: "draft" | "on_sale" | "sold_out" | "archived";
}>;

export function createProduct(db: Db, overrides: ProductOverrides = {}) {
  return db.product.create({
    data: {
      slug: `test-plan-${randomBytes(5).toString("hex")}`,
      title: "Antminer S19 Pro · 20 days",
      machineModel: "Antminer S19 Pro",
      machineHashrateThs: 110,
      efficiencyJPerTh: "29.5",
      electricityUsdPerKwh: "0.06",
      durationDays: 20,
      hashrateFeePerTh: "0.2",
      serviceFeePerThDay: "0.0425",
      poolFeeBps: 250,
      inventoryTh: 1_000,
      minOrderTh: 1,
      maxOrderTh: 1_000,
      status: "on_sale",
      ...overrides,
    },
  });
}
