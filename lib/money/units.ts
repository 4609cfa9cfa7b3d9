// The units money is kept in, and the scale of per-TH rates (Decimal(14, 6) in the database).
export const SATS_PER_BTC = 100_000_000n;
/** Per-TH rates carry six decimals: 0.042500 USD. */
export const RATE_SCALE = 6;
/** Micro-dollars (10⁻⁶ USD) per cent. */
export const MICROS_PER_CENT = 10_000n;
