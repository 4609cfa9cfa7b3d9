// How much Bitcoin hashrate is expected to mine, from the network's conditions (docs/product-rules.md §5):
//   sats/day = floor( H × 86400 × (S + F) / (D × 2³²) × (1 − pool fee) )
// computed in BigInt so the result is exact and can be re-checked by hand.
import { divCeil, divFloor, divRoundHalfUp, toScaled } from "@/lib/money/fixed-point";
import { SATS_PER_BTC } from "@/lib/money/units";

export const SECONDS_PER_DAY = 86_400n;
const TWO_POW_32 = 2n ** 32n;
const HASHES_PER_TH = 10n ** 12n;
const DIFFICULTY_SCALE = 4; // difficulty is stored as Decimal(30, 4)
const BPS = 10_000n;

export type NetworkConditions = {
  /** Network difficulty, e.g. "148200000000000" (up to four decimals). */
  difficulty: string;
  /** Block subsidy in satoshis (3.125 BTC = 312_500_000). */
  blockSubsidySats: bigint;
  /** Average transaction fees per block in satoshis. */
  feesPerBlockSats: bigint;
};

export type OutputInput = NetworkConditions & {
  /** Hashrate in TH/s (whole TH). */
  th: number | bigint;
  /** Pool fee in basis points (250 = 2.5 %). */
  poolFeeBps: number;
};

/** Expected satoshis for one day of `th` TH/s, after the pool fee, rounded down once. */
export function expectedDailySats(input: OutputInput): bigint {
  const th = BigInt(input.th);
  if (th < 0n) throw new RangeError("Hashrate must not be negative");
  if (!Number.isInteger(input.poolFeeBps) || input.poolFeeBps < 0 || input.poolFeeBps > 10_000) {
    throw new RangeError("Pool fee must be between 0 and 10000 basis points");
  }
  const difficultyScaled = toScaled(input.difficulty, DIFFICULTY_SCALE);
  if (difficultyScaled <= 0n) throw new RangeError("Difficulty must be positive");
  const reward = input.blockSubsidySats + input.feesPerBlockSats;
  if (reward < 0n) throw new RangeError("Block reward must not be negative");

  const numerator =
    th * HASHES_PER_TH * SECONDS_PER_DAY * reward * (BPS - BigInt(input.poolFeeBps)) * 10n ** BigInt(DIFFICULTY_SCALE);
  const denominator = difficultyScaled * TWO_POW_32 * BPS;
  return divFloor(numerator, denominator);
}

/** Satoshis valued at a BTC price in cents, rounded half-up to the cent. */
export function satsToCents(sats: bigint, btcPriceCents: bigint): bigint {
  return divRoundHalfUp(sats * btcPriceCents, SATS_PER_BTC);
}

/**
 * The BTC price (in cents per BTC) at which `outputSats` is worth `costCents`, rounded up:
 * below it the contract loses money at today's difficulty. Null when nothing would be mined.
 */
export function breakEvenPriceCents(costCents: bigint, outputSats: bigint): bigint | null {
  if (outputSats <= 0n) return null;
  return divCeil(costCents * SATS_PER_BTC, outputSats);
}
