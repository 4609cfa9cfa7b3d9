import { describe, expect, it } from "vitest";
import { soldPercent, isBuyable } from "@/lib/catalogue/product-view";
import { formatBtc, formatRateUsd, formatSats, formatUsd } from "@/lib/money/format";
import { formatDifficulty } from "@/lib/format/number";

describe("money formatting", () => {
  it("formats cents, rates, BTC and sats with their units", () => {
    expect(formatUsd(10_500)).toBe("$105.00");
    expect(formatUsd(123_456_789n)).toBe("$1,234,567.89");
    expect(formatUsd(-250)).toBe("−$2.50");
    expect(formatUsd(7)).toBe("$0.07");
    expect(formatRateUsd("0.042500")).toBe("$0.0425");
    expect(formatRateUsd("0.200000")).toBe("$0.20");
    expect(formatRateUsd("1234.5")).toBe("$1,234.50");
    expect(formatBtc(4_666n)).toBe("0.00004666 BTC");
    expect(formatBtc(312_500_000n)).toBe("3.12500000 BTC");
    expect(formatSats(4_666n)).toBe("4,666 sats");
    expect(formatDifficulty("148200000000000.0000")).toBe("148.20 T");
  });
});

describe("catalogue view helpers", () => {
  it("shows sold percent rounded down, so 99.9 % is not shown as sold out", () => {
    expect(soldPercent({ soldTh: 3_000, inventoryTh: 10_000 })).toBe(30);
    expect(soldPercent({ soldTh: 9_999, inventoryTh: 10_000 })).toBe(99);
    expect(soldPercent({ soldTh: 0, inventoryTh: 0 })).toBe(100);
  });

  it("sells a plan only while it is on sale with at least a minimum order left", () => {
    const plan = { status: "on_sale" as const, soldTh: 9_995, inventoryTh: 10_000, minOrderTh: 10 };
    expect(isBuyable(plan)).toBe(false);
    expect(isBuyable({ ...plan, soldTh: 9_990 })).toBe(true);
    expect(isBuyable({ ...plan, soldTh: 0, status: "archived" })).toBe(false);
  });
});
