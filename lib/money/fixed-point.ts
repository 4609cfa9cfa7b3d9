// Exact decimal arithmetic on BigInt. Money never touches a JavaScript float.

/** "0.0425" with scale 6 → 42500n. Refuses more decimals than the scale allows. */
export function toScaled(value: string, scale: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal number: "${value}"`);
  const [, sign, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > scale) {
    throw new RangeError(`"${value}" has more than ${scale} decimal places`);
  }
  const scaled = BigInt(whole! + fraction.padEnd(scale, "0").slice(0, scale));
  return sign === "-" ? -scaled : scaled;
}

/** 42500n with scale 6 → "0.0425" (trailing zeros kept to `minDecimals`). */
export function fromScaled(value: bigint, scale: number, minDecimals = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  fraction = fraction.padEnd(Math.min(minDecimals, scale), "0");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

function assertDivisible(numerator: bigint, denominator: bigint): void {
  if (denominator <= 0n) throw new RangeError("Denominator must be positive");
  if (numerator < 0n) throw new RangeError("Numerator must not be negative");
}

/** numerator / denominator rounded half-up (both non-negative). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  assertDivisible(numerator, denominator);
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export function divFloor(numerator: bigint, denominator: bigint): bigint {
  assertDivisible(numerator, denominator);
  return numerator / denominator;
}

export function divCeil(numerator: bigint, denominator: bigint): bigint {
  assertDivisible(numerator, denominator);
  return (numerator + denominator - 1n) / denominator;
}
