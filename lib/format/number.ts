// Display helpers for plain numbers: counts with thousands separators, network difficulty.
import { fromScaled, toScaled } from "@/lib/money/fixed-point";

const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole number with thousands separators: 10000 → "10,000". */
export function formatInteger(value: bigint | number): string {
  return grouping.format(BigInt(value));
}

/** Network difficulty "148195306654153.2000" → "148.20 T". */
export function formatDifficulty(difficulty: string): string {
  const scaled = toScaled(difficulty, 4); // difficulty × 10⁴
  const hundredthsOfTera = scaled / 10n ** 14n; // difficulty / 10¹⁰
  return `${fromScaled(hundredthsOfTera, 2, 2)} T`;
}
