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
  machineModel: string;
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

/** A paid order and its contract over [startsAt, endsAt), for settlement tests. */
export async function createContract(
  db: Db,
  options: {
    userId: string;
    productId: string;
    th: number;
    poolFeeBps?: number;
    startsAt: Date;
    endsAt: Date;
    status?: "scheduled" | "active" | "completed";
  },
) {
  const order = await db.order.create({
    data: {
      userId: options.userId,
      productId: options.productId,
      th: options.th,
      durationDays: Math.max(1, Math.round((options.endsAt.getTime() - options.startsAt.getTime()) / 86_400_000)),
      hashrateFeePerTh: "0.2",
      serviceFeePerThDay: "0.0425",
      hashrateFeeCents: 100,
      serviceFeeCents: 100,
      totalCents: 200,
      status: "paid",
      paymentMethod: "balance",
      idempotencyKey: randomBytes(8).toString("hex"),
      reservedUntil: options.startsAt,
      paidAt: options.startsAt,
    },
  });
  return db.contract.create({
    data: {
      orderId: order.id,
      userId: options.userId,
      productId: options.productId,
      th: options.th,
      poolFeeBps: options.poolFeeBps ?? 0,
      status: options.status ?? "active",
      startsAt: options.startsAt,
      endsAt: options.endsAt,
    },
  });
}

/** A market snapshot for a UTC day (YYYY-MM-DD). */
export function createSnapshot(
  db: Db,
  day: string,
  figures: Partial<{
    difficulty: string;
    btcPriceCents: bigint;
    blockSubsidySats: bigint;
    feesPerBlockSats: bigint;
  }> = {},
) {
  return db.marketSnapshot.create({
    data: {
      day: new Date(`${day}T00:00:00Z`),
      difficulty: figures.difficulty ?? "148200000000000",
      btcPriceCents: figures.btcPriceCents ?? 9_500_000n,
      blockSubsidySats: figures.blockSubsidySats ?? 312_500_000n,
      feesPerBlockSats: figures.feesPerBlockSats ?? 0n,
      source: "seed",
    },
  });
}
