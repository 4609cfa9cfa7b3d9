// The shape of a product that pages and client components receive: plain, serialisable values
// (Decimal rates as fixed-scale strings), and nothing the storefront should not show.
import type { Product } from "@/lib/generated/prisma/client";
import { divFloor } from "@/lib/money/fixed-point";

export type ProductView = {
  id: string;
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
  soldTh: number;
  minOrderTh: number;
  maxOrderTh: number;
  startDelayDays: number;
  sortOrder: number;
  status: Product["status"];
};

export function toProductView(product: Product): ProductView {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    machineModel: product.machineModel,
    machineHashrateThs: product.machineHashrateThs,
    efficiencyJPerTh: product.efficiencyJPerTh.toFixed(2),
    electricityUsdPerKwh: product.electricityUsdPerKwh.toFixed(4),
    durationDays: product.durationDays,
    hashrateFeePerTh: product.hashrateFeePerTh.toFixed(6),
    serviceFeePerThDay: product.serviceFeePerThDay.toFixed(6),
    poolFeeBps: product.poolFeeBps,
    inventoryTh: product.inventoryTh,
    soldTh: product.soldTh,
    minOrderTh: product.minOrderTh,
    maxOrderTh: product.maxOrderTh,
    startDelayDays: product.startDelayDays,
    sortOrder: product.sortOrder,
    status: product.status,
  };
}

/** Whole percent sold, rounded down so a plan is never shown as sold out before it is. */
export function soldPercent(product: Pick<ProductView, "soldTh" | "inventoryTh">): number {
  if (product.inventoryTh <= 0) return 100;
  return Number(divFloor(BigInt(product.soldTh) * 100n, BigInt(product.inventoryTh)));
}

export function remainingTh(product: Pick<ProductView, "soldTh" | "inventoryTh">): number {
  return Math.max(0, product.inventoryTh - product.soldTh);
}

/** A plan can be bought when it is on sale and has at least one order's worth of TH left. */
export function isBuyable(product: Pick<ProductView, "status" | "soldTh" | "inventoryTh" | "minOrderTh">): boolean {
  return product.status === "on_sale" && remainingTh(product) >= product.minOrderTh;
}
