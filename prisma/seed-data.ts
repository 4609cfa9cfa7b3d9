// The demo catalogue and accounts. Realistic figures: service fee = efficiency (J/TH) × 24 h ×
// electricity price, e.g. S19 Pro: 29.5 J/TH × 24 h = 0.708 kWh per TH a day × $0.06 ≈ $0.0425.
import type { ProductStatus, Role } from "@/lib/generated/prisma/client";

export type SeedProduct = {
  slug: string;
  title: string;
  machineModel: string;
  machineHashrateThs: number;
  efficiencyJPerTh: string;
  electricityUsdPerKwh: string;
  durationDays: number;
  hashrateFeePerTh: string;
  serviceFeePerThDay: string;
  poolFeeBps: number;
  inventoryTh: number;
  // Sales made before this database existed (the demo's history); new sales come from orders.
  soldTh: number;
  minOrderTh: number;
  maxOrderTh: number;
  status: ProductStatus;
  sortOrder: number;
};

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    slug: "antminer-s19-pro-20-days",
    title: "Antminer S19 Pro · 20 days",
    machineModel: "Antminer S19 Pro",
    machineHashrateThs: 110,
    efficiencyJPerTh: "29.50",
    electricityUsdPerKwh: "0.0600",
    durationDays: 20,
    hashrateFeePerTh: "0.200000",
    serviceFeePerThDay: "0.042500",
    poolFeeBps: 250,
    inventoryTh: 10_000,
    soldTh: 3_000,
    minOrderTh: 10,
    maxOrderTh: 5_000,
    status: "on_sale",
    sortOrder: 10,
  },
  {
    slug: "antminer-s21-60-days",
    title: "Antminer S21 · 60 days",
    machineModel: "Antminer S21",
    machineHashrateThs: 200,
    efficiencyJPerTh: "17.50",
    electricityUsdPerKwh: "0.0600",
    durationDays: 60,
    hashrateFeePerTh: "0.950000",
    serviceFeePerThDay: "0.025200",
    poolFeeBps: 250,
    inventoryTh: 20_000,
    soldTh: 11_200,
    minOrderTh: 10,
    maxOrderTh: 10_000,
    status: "on_sale",
    sortOrder: 20,
  },
  {
    slug: "antminer-s21-xp-90-days",
    title: "Antminer S21 XP · 90 days",
    machineModel: "Antminer S21 XP",
    machineHashrateThs: 270,
    efficiencyJPerTh: "13.50",
    electricityUsdPerKwh: "0.0580",
    durationDays: 90,
    hashrateFeePerTh: "2.100000",
    serviceFeePerThDay: "0.018800",
    poolFeeBps: 200,
    inventoryTh: 15_000,
    soldTh: 2_250,
    minOrderTh: 20,
    maxOrderTh: 10_000,
    status: "on_sale",
    sortOrder: 30,
  },
  {
    slug: "whatsminer-m60s-30-days",
    title: "Whatsminer M60S · 30 days",
    machineModel: "Whatsminer M60S",
    machineHashrateThs: 186,
    efficiencyJPerTh: "18.50",
    electricityUsdPerKwh: "0.0600",
    durationDays: 30,
    hashrateFeePerTh: "0.550000",
    serviceFeePerThDay: "0.026640",
    poolFeeBps: 250,
    inventoryTh: 8_000,
    soldTh: 7_600,
    minOrderTh: 10,
    maxOrderTh: 4_000,
    status: "on_sale",
    sortOrder: 40,
  },
  {
    slug: "antminer-s19j-pro-7-days",
    title: "Antminer S19j Pro · 7 days",
    machineModel: "Antminer S19j Pro",
    machineHashrateThs: 104,
    efficiencyJPerTh: "29.50",
    electricityUsdPerKwh: "0.0600",
    durationDays: 7,
    hashrateFeePerTh: "0.080000",
    serviceFeePerThDay: "0.042500",
    poolFeeBps: 250,
    inventoryTh: 2_000,
    soldTh: 2_000,
    minOrderTh: 5,
    maxOrderTh: 500,
    status: "sold_out",
    sortOrder: 50,
  },
  {
    slug: "antminer-s23-hyd-180-days",
    title: "Antminer S23 Hyd · 180 days",
    machineModel: "Antminer S23 Hyd",
    machineHashrateThs: 580,
    efficiencyJPerTh: "9.50",
    electricityUsdPerKwh: "0.0550",
    durationDays: 180,
    hashrateFeePerTh: "4.200000",
    serviceFeePerThDay: "0.012540",
    poolFeeBps: 200,
    inventoryTh: 30_000,
    soldTh: 0,
    minOrderTh: 50,
    maxOrderTh: 20_000,
    status: "draft",
    sortOrder: 60,
  },
];

export type SeedAccount = { email: string; password: string; role: Role; displayName: string };

// Demo logins printed by the start command. Set SEED_DEMO_ACCOUNTS=false on a real deployment.
export const SEED_ACCOUNTS: SeedAccount[] = [
  { email: "admin@hashwork.local", password: "amber-rig-ledger-42", role: "admin", displayName: "Ada Admin" },
  {
    email: "customer@hashwork.local",
    password: "hashrate-sunrise-97",
    role: "customer",
    displayName: "Casey Customer",
  },
];

/** Days of market data the demo has, ending today: enough for every chart and table to show. */
export const SEED_MARKET_DAYS = 60;

/**
 * Market conditions for a day `daysAgo` before today: difficulty near 148 T, BTC near
 * $90,000, the 3.125 BTC subsidy and ~0.03 BTC of fees per block. Deterministic, so re-seeding
 * the same day writes the same numbers.
 */
export function seedMarketFor(daysAgo: number) {
  const wave = (period: number, amplitude: number) =>
    Math.round(Math.sin(((30 - daysAgo) / period) * Math.PI * 2) * amplitude);
  // Difficulty adjusts in steps every ~14 days (148.2 T now, 146.9 T and 145.6 T before);
  // the price wanders daily.
  const epochsAgo = Math.floor(daysAgo / 14);
  const difficultyBillions = 148_200n - BigInt(epochsAgo) * 1_300n;
  return {
    difficulty: `${difficultyBillions * 1_000_000_000n}`,
    btcPriceCents: BigInt(9_000_000 + wave(11, 180_000) + wave(5, 60_000)),
    blockSubsidySats: 312_500_000n,
    feesPerBlockSats: BigInt(3_000_000 + wave(7, 600_000)),
  };
}
