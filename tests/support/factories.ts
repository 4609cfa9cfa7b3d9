// Small factories for integration tests: users with a known password.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { currentTotp, encryptTotpSecret, newTotpSecret } from "@/lib/auth/totp";
import { postTransaction } from "@/lib/ledger/ledger";
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

/** Gives a customer mined BTC the way settlement does: mining pool → customer cash. */
/** Credits `cents` to the user's USD balance, as an admin crediting a bank transfer does. */
export async function creditUsd(db: Db, userId: string, cents: bigint): Promise<void> {
  await db.$transaction((tx) =>
    postTransaction(tx, {
      kind: "admin_credit",
      description: "Bank transfer credited (test)",
      postings: [
        { account: { kind: "bank_clearing", currency: "USD" }, amount: -cents },
        { account: { userId, kind: "customer_cash", currency: "USD" }, amount: cents },
      ],
    }),
  );
}

export async function creditBtc(db: Db, userId: string, sats: bigint): Promise<void> {
  await db.$transaction((tx) =>
    postTransaction(tx, {
      kind: "mining_reward",
      description: "Mining reward (test)",
      day: "2030-01-01",
      postings: [
        { account: { kind: "mining_pool", currency: "BTC" }, amount: -sats },
        { account: { userId, kind: "customer_cash", currency: "BTC" }, amount: sats },
      ],
    }),
  );
}

/** Turns 2FA on for a user with a new secret; returns the secret to make codes from. */
export async function enableTotpFor(db: Db, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: userId },
    data: { ...encryptTotpSecret(userId, secret), totpEnabledAt: new Date() },
  });
  return secret;
}

/**
 * A code the server has not seen yet: a test makes several confirmations within one 30-second
 * step, so the record of the last accepted step is cleared first.
 */
export async function freshTotp(db: Db, userId: string, secret: string): Promise<string> {
  await db.user.update({ where: { id: userId }, data: { totpLastStep: null } });
  return currentTotp(secret);
}

export const MAINNET_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

/**
 * A customer who may withdraw: identity approved, 2FA on, a payout address past its hold, and
 * `sats` of mined BTC (overrides leave out one of them).
 */
export async function withdrawingCustomer(
  db: Db,
  {
    sats = 1_000_000n,
    kyc = true,
    totp = true,
    address = true,
    role,
  }: Partial<{
    sats: bigint;
    kyc: boolean;
    totp: boolean;
    address: boolean;
    role: Role;
  }> = {},
) {
  const user = await createUser(db, { role });
  if (kyc) await db.kycCase.create({ data: { userId: user.id, status: "approved" } });
  const secret = totp ? await enableTotpFor(db, user.id) : null;
  if (address) {
    await db.payoutAddress.create({
      data: {
        userId: user.id,
        address: MAINNET_ADDRESS,
        network: "mainnet",
        withdrawalsFrom: new Date(Date.now() - 1000),
      },
    });
  }
  if (sats > 0n) await creditBtc(db, user.id, sats);
  const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  return { user: fresh, secret };
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
