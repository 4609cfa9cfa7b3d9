// Display helpers for money: USD cents, per-TH rates, BTC and satoshis. They take integers or
// decimal strings, never floats.
import { fromScaled, toScaled } from "./fixed-point";

const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function group(whole: bigint): string {
  return grouping.format(whole);
}

/** 10500 → "$105.00"; -250 → "−$2.50". */
export function formatUsd(cents: bigint | number): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `$${group(abs / 100n)}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `−${text}` : text;
}

/** A per-TH rate such as "0.042500" → "$0.0425" (at least two decimals, no trailing zeros beyond). */
export function formatRateUsd(rate: string): string {
  const scaled = toScaled(rate, 6);
  const [whole = "0", fraction = ""] = fromScaled(scaled, 6, 2).split(".");
  return `$${group(BigInt(whole))}.${fraction}`;
}

/** 4666 → "0.00004666 BTC". */
export function formatBtc(sats: bigint | number): string {
  return `${fromScaled(BigInt(sats), 8, 8)} BTC`;
}

/** 4666 → "4,666 sats". */
export function formatSats(sats: bigint | number): string {
  return `${group(BigInt(sats))} sats`;
}
