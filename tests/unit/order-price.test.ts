import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toScaled } from "@/lib/money/fixed-point";
import { priceOrder, type PlanRates } from "@/lib/pricing/order-price";

const S19_PRO_20_DAYS: PlanRates = { hashrateFeePerTh: "0.200000", serviceFeePerThDay: "0.042500", durationDays: 20 };

const rates = fc.record({
  hashrateFeePerTh: fc
    .bigInt({ min: 0n, max: 50_000_000n })
    .map((micros) => `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, "0")}`),
  serviceFeePerThDay: fc
    .bigInt({ min: 0n, max: 1_000_000n })
    .map((micros) => `0.${micros.toString().padStart(6, "0")}`.replace(/^0\.1000000$/, "1.000000")),
  durationDays: fc.integer({ min: 1, max: 3650 }),
});

describe("priceOrder", () => {
  it("prices 100 TH of the S19 Pro 20-day plan at $105.00 ($20 hashrate + $85 service)", () => {
    const price = priceOrder(S19_PRO_20_DAYS, 100);
    expect(price.hashrateFeeCents).toBe(2_000n);
    expect(price.serviceFeeCents).toBe(8_500n);
    expect(price.totalCents).toBe(10_500n);
    expect(price.serviceFeePerDayMicros).toBe(4_250_000n); // $4.25 a day
  });

  it("rounds once, half-up, at the total", () => {
    // 1 TH × $0.000050 + 1 TH × $0 = half a cent → rounds up to 1 cent
    expect(priceOrder({ hashrateFeePerTh: "0.005000", serviceFeePerThDay: "0", durationDays: 1 }, 1).totalCents).toBe(
      1n,
    );
    expect(priceOrder({ hashrateFeePerTh: "0.004999", serviceFeePerThDay: "0", durationDays: 1 }, 1).totalCents).toBe(
      0n,
    );
    // Two lines of 0.4 cents each: rounding each line would give 0, the total of 0.8 cents gives 1.
    const split = priceOrder({ hashrateFeePerTh: "0.004000", serviceFeePerThDay: "0.004000", durationDays: 1 }, 1);
    expect(split.totalCents).toBe(1n);
    expect(split.hashrateFeeCents + split.serviceFeeCents).toBe(1n);
    // An exact half cent at scale (found by the property below): 1,051,955,789.5 cents → …790.
    expect(
      priceOrder({ hashrateFeePerTh: "38.118930", serviceFeePerThDay: "0.107630", durationDays: 5 }, 272_125)
        .totalCents,
    ).toBe(1_051_955_790n);
  });

  it("refuses fractional, zero, negative and unsafe TH", () => {
    for (const th of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => priceOrder(S19_PRO_20_DAYS, th), String(th)).toThrow(RangeError);
    }
  });

  it("property: the total is the exact sum rounded half-up once, and the lines add up to it", () => {
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 1_000_000 }), (plan, th) => {
        const price = priceOrder(plan, th);
        const exactMicros =
          toScaled(plan.hashrateFeePerTh, 6) * BigInt(th) +
          toScaled(plan.serviceFeePerThDay, 6) * BigInt(th) * BigInt(plan.durationDays);
        // Half-up: the total is at most half a cent above the exact sum and less than half a cent below.
        const diff = price.totalCents * 10_000n - exactMicros;
        expect(diff > -5_000n && diff <= 5_000n).toBe(true);
        expect(price.hashrateFeeCents + price.serviceFeeCents).toBe(price.totalCents);
        expect(price.serviceFeeCents >= 0n).toBe(true);
      }),
    );
  });

  it("property: more TH never costs less, and the price is linear before rounding", () => {
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 500_000 }), (plan, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(priceOrder(plan, small).totalCents <= priceOrder(plan, large).totalCents).toBe(true);
        const sum = priceOrder(plan, small + large);
        expect(sum.hashrateFeeMicros).toBe(
          priceOrder(plan, small).hashrateFeeMicros + priceOrder(plan, large).hashrateFeeMicros,
        );
      }),
    );
  });
});
