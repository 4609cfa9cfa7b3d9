// Rate limits backed by PostgreSQL (rate-limiter-flexible), so every app instance shares them.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/actions/errors";
import { pool } from "@/lib/db/pool";

/** Points per window. Attempts past `points` within `seconds` are refused until it ends. */
export const LIMITS = {
  signInFailuresPerAccountAndIp: { points: 10, seconds: 60 },
  signInFailuresPerIp: { points: 100, seconds: 15 * 60 },
  signUpPerIp: { points: 10, seconds: 60 * 60 },
  passwordResetPerIp: { points: 10, seconds: 60 * 60 },
  passwordResetPerEmail: { points: 3, seconds: 60 * 60 },
  verificationResendPerAccount: { points: 3, seconds: 60 * 60 },
  secondFactorFailuresPerAccount: { points: 5, seconds: 5 * 60 },
  // Each placement holds TH for 30 minutes and each card checkout calls Stripe: generous for a
  // person, tight for a script hoarding hashrate.
  orderPlacementPerAccount: { points: 10, seconds: 10 * 60 },
  cardCheckoutPerAccount: { points: 10, seconds: 10 * 60 },
} as const;
export type LimitName = keyof typeof LIMITS;

const globalForLimiters = globalThis as unknown as { hashworkLimiters?: Map<LimitName, RateLimiterPostgres> };

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimiters.hashworkLimiters ??= new Map();
  let existing = globalForLimiters.hashworkLimiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true, // by a migration
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].seconds,
    });
    globalForLimiters.hashworkLimiters.set(name, existing);
  }
  return existing;
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Throws RateLimitedError when `key` has used up its points (without using one). */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key);
  if (state && state.consumedPoints >= LIMITS[name].points) throw new RateLimitedError(retryAfter(state));
}

/** Uses a point; throws RateLimitedError when none was left. */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(error));
    throw error;
  }
}

/** Uses a point for a failed attempt; going over is reported by the next assertNotLimited. */
export async function recordFailure(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
