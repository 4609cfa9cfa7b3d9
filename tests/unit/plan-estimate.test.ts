import { describe, expect, it } from "vitest";
import { checkThAmount, estimatePlan } from "@/lib/pricing/plan-estimate";

const bounds = { minOrderTh: 10, maxOrderTh: 5_000 };

describe("checkThAmount", () => {
  it("accepts whole TH within the plan's bounds", () => {
    expect(checkThAmount("100", bounds)).toEqual({ ok: true, th: 100 });
    expect(checkThAmount(" 10 ", bounds)).toEqual({ ok: true, th: 10 });
    expect(checkThAmount("5000", bounds)).toEqual({ ok: true, th: 5_000 });
  });

  it("explains what is wrong with anything else", () => {
    for (const bad of ["", "abc", "-5", "1.5", "1e3", "١٠٠", "10 TH", "0x10"]) {
      const check = checkThAmount(bad, bounds);
      expect(check.ok, bad).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/whole number of TH between 10 and 5,000 TH/);
    }
    for (const outside of ["9", "5001", "99999999999999999999"]) {
      const check = checkThAmount(outside, bounds);
      expect(check).toEqual({ ok: false, message: "Choose between 10 and 5,000 TH." });
    }
  });
});

describe("estimatePlan", () => {
  it("combines price and output for 100 TH of the S19 Pro 20-day plan", () => {
    const estimate = estimatePlan(
      { hashrateFeePerTh: "0.200000", serviceFeePerThDay: "0.042500", durationDays: 20, poolFeeBps: 0 },
      {
        difficulty: "148200000000000",
        btcPriceCents: 9_000_000n,
        blockSubsidySats: 312_500_000n,
        feesPerBlockSats: 0n,
      },
      110,
    );
    expect(estimate.dailySats).toBe(4_666n);
    expect(estimate.termSats).toBe(93_320n);
    expect(estimate.price.totalCents).toBe(11_550n); // 110 TH × $1.05
    expect(estimate.dailyCents).toBe(420n);
    expect(estimate.termCents).toBe(8_399n); // 93,320 sats × $90,000 = 8,398.8 cents → $83.99
    expect(estimate.breakEvenCents).toBe(12_376_769n); // 11,550 cents / 0.0009332 BTC = 12,376,768.1… cents, rounded up
  });
});
