import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakEvenPriceCents, expectedDailySats, satsToCents } from "@/lib/mining/expected-output";

const WORKED_EXAMPLE = {
  th: 110,
  difficulty: "148200000000000",
  blockSubsidySats: 312_500_000n,
  feesPerBlockSats: 0n,
  poolFeeBps: 0,
};

describe("expectedDailySats", () => {
  it("matches the worked example: 110 TH/s at 148.2 T, 3.125 BTC subsidy, no fees → 4,666 sats a day", () => {
    expect(expectedDailySats(WORKED_EXAMPLE)).toBe(4_666n);
  });

  it("takes the pool fee off before rounding down once", () => {
    // 4,666.04 × 0.975 = 4,549.39 → 4,549
    expect(expectedDailySats({ ...WORKED_EXAMPLE, poolFeeBps: 250 })).toBe(4_549n);
    expect(expectedDailySats({ ...WORKED_EXAMPLE, poolFeeBps: 10_000 })).toBe(0n);
  });

  it("adds transaction fees to the subsidy", () => {
    const withFees = expectedDailySats({ ...WORKED_EXAMPLE, feesPerBlockSats: 312_500_000n });
    expect(withFees).toBe(9_332n); // twice the reward: floor(2 × 4,666.04) = floor(9,332.08)
  });

  it("accepts a difficulty with decimals", () => {
    expect(expectedDailySats({ ...WORKED_EXAMPLE, difficulty: "148200000000000.5" })).toBe(4_666n);
  });

  it("refuses nonsense inputs", () => {
    expect(() => expectedDailySats({ ...WORKED_EXAMPLE, difficulty: "0" })).toThrow(RangeError);
    expect(() => expectedDailySats({ ...WORKED_EXAMPLE, poolFeeBps: 10_001 })).toThrow(RangeError);
    expect(() => expectedDailySats({ ...WORKED_EXAMPLE, th: -1 })).toThrow(RangeError);
  });

  const conditions = fc.record({
    th: fc.integer({ min: 0, max: 1_000_000 }),
    difficulty: fc.bigInt({ min: 10n ** 12n, max: 10n ** 15n }).map(String),
    blockSubsidySats: fc.bigInt({ min: 0n, max: 5_000_000_000n }),
    feesPerBlockSats: fc.bigInt({ min: 0n, max: 100_000_000n }),
    poolFeeBps: fc.integer({ min: 0, max: 10_000 }),
  });

  it("property: output never falls when hashrate rises, and never rises when difficulty rises", () => {
    fc.assert(
      fc.property(
        conditions,
        fc.integer({ min: 0, max: 1000 }),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        (input, moreTh, moreDifficulty) => {
          const base = expectedDailySats(input);
          expect(expectedDailySats({ ...input, th: input.th + moreTh }) >= base).toBe(true);
          expect(
            expectedDailySats({ ...input, difficulty: String(BigInt(input.difficulty) + moreDifficulty) }) <= base,
          ).toBe(true);
          expect(expectedDailySats({ ...input, poolFeeBps: Math.min(10_000, input.poolFeeBps + 1) }) <= base).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe("USD conversion and break-even", () => {
  it("values sats at a BTC price, rounding half-up to the cent", () => {
    expect(satsToCents(100_000_000n, 9_000_000n)).toBe(9_000_000n); // 1 BTC at $90,000
    expect(satsToCents(4_666n, 9_000_000n)).toBe(420n); // 419.94 cents → 420
    expect(satsToCents(1_000n, 50_000n)).toBe(1n); // exactly half a cent rounds up
    expect(satsToCents(999n, 50_000n)).toBe(0n); // just under half a cent rounds down
  });

  it("finds the BTC price at which the output pays for the order, rounded up", () => {
    // $105.00 for 93,320 sats → 11,251,607.37… cents per BTC → 11,251,608
    expect(breakEvenPriceCents(10_500n, 93_320n)).toBe(11_251_608n);
    expect(breakEvenPriceCents(10_500n, 0n)).toBeNull();
  });

  it("property: at the break-even price the output is worth at least the cost", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 10n }), (cost, sats) => {
        const price = breakEvenPriceCents(cost, sats)!;
        expect(sats * price >= cost * 100_000_000n).toBe(true);
        expect(sats * (price - 1n) < cost * 100_000_000n).toBe(true);
      }),
    );
  });
});
