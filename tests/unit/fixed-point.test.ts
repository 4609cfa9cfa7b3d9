import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divCeil, divFloor, divRoundHalfUp, fromScaled, toScaled } from "@/lib/money/fixed-point";

describe("toScaled / fromScaled", () => {
  it("reads decimal strings exactly", () => {
    expect(toScaled("0.0425", 6)).toBe(42_500n);
    expect(toScaled("0.042500", 6)).toBe(42_500n);
    expect(toScaled("12", 2)).toBe(1_200n);
    expect(toScaled("-1.5", 1)).toBe(-15n);
  });

  it("refuses what is not a plain decimal or has too many decimals", () => {
    for (const bad of ["", "abc", "1e3", "0x10", "1.2.3", " ", "NaN", "Infinity"]) {
      expect(() => toScaled(bad, 6), bad).toThrow(RangeError);
    }
    expect(() => toScaled("0.0000001", 6)).toThrow(/more than 6 decimal places/);
  });

  it("writes scaled integers back", () => {
    expect(fromScaled(42_500n, 6)).toBe("0.0425");
    expect(fromScaled(42_500n, 6, 6)).toBe("0.042500");
    expect(fromScaled(5n, 2, 2)).toBe("0.05");
    expect(fromScaled(-15n, 1)).toBe("-1.5");
    expect(fromScaled(100n, 2)).toBe("1");
  });

  it("round-trips every scaled value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 12 }),
        (value, scale) => {
          expect(toScaled(fromScaled(value, scale), scale)).toBe(value);
        },
      ),
    );
  });
});

describe("integer division with rounding", () => {
  it("rounds half up, floors and ceils", () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divFloor(19n, 10n)).toBe(1n);
    expect(divCeil(11n, 10n)).toBe(2n);
    expect(divCeil(10n, 10n)).toBe(1n);
  });

  it("rounds half up: never more than half a unit from the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        // |q·d − n| ≤ d/2, and exact halves go up
        const diff = q * d - n;
        expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
        if (2n * (n % d) === d) expect(q).toBe(n / d + 1n);
        expect(divFloor(n, d) <= q && q <= divCeil(n, d)).toBe(true);
      }),
    );
  });

  it("refuses negative numerators and non-positive denominators", () => {
    expect(() => divRoundHalfUp(-1n, 2n)).toThrow(RangeError);
    expect(() => divFloor(1n, 0n)).toThrow(RangeError);
  });
});
