// What an order of N TH costs. The same function prices the calculator on the product page and,
// on the server, the order itself, so the two can never disagree.
import { divRoundHalfUp, toScaled } from "@/lib/money/fixed-point";
import { MICROS_PER_CENT, RATE_SCALE } from "@/lib/money/units";

export type PlanRates = {
  /** USD per TH for the whole term, as stored (Decimal(14, 6)), e.g. "0.200000". */
  hashrateFeePerTh: string;
  /** USD per TH per day (electricity and maintenance), e.g. "0.042500". */
  serviceFeePerThDay: string;
  durationDays: number;
};

export type OrderPrice = {
  th: number;
  /** Exact amounts in micro-dollars (10⁻⁶ USD), before any rounding. */
  hashrateFeeMicros: bigint;
  serviceFeeMicros: bigint;
  serviceFeePerDayMicros: bigint;
  /** Rounded once, half-up, at the total; the service fee line takes the remainder so lines add up. */
  hashrateFeeCents: bigint;
  serviceFeeCents: bigint;
  totalCents: bigint;
};

export function assertWholeTh(th: number): void {
  if (!Number.isSafeInteger(th) || th <= 0) throw new RangeError("TH must be a positive whole number");
}

export function priceOrder(rates: PlanRates, th: number): OrderPrice {
  assertWholeTh(th);
  if (!Number.isSafeInteger(rates.durationDays) || rates.durationDays <= 0) {
    throw new RangeError("Duration must be a positive whole number of days");
  }
  const units = BigInt(th);
  const hashrateFeeMicros = toScaled(rates.hashrateFeePerTh, RATE_SCALE) * units;
  const serviceFeePerDayMicros = toScaled(rates.serviceFeePerThDay, RATE_SCALE) * units;
  const serviceFeeMicros = serviceFeePerDayMicros * BigInt(rates.durationDays);
  if (hashrateFeeMicros < 0n || serviceFeeMicros < 0n) throw new RangeError("Rates must not be negative");

  const totalCents = divRoundHalfUp(hashrateFeeMicros + serviceFeeMicros, MICROS_PER_CENT);
  const hashrateFeeCents = divRoundHalfUp(hashrateFeeMicros, MICROS_PER_CENT);
  return {
    th,
    hashrateFeeMicros,
    serviceFeeMicros,
    serviceFeePerDayMicros,
    hashrateFeeCents,
    serviceFeeCents: totalCents - hashrateFeeCents,
    totalCents,
  };
}
