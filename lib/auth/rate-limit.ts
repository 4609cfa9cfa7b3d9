// Rate limits backed by PostgreSQL (rate-limiter-flexible), so every app instance shares them.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/errors";
import { counterPool } from "@/lib/db/pool";

/** Points per window. Attempts past `points` within `seconds` are refused until it ends. */
export const LIMITS = {
  signInFailuresPerAccountAndIp: { points: 10, seconds: 60 },
  // Whatever addresses an attacker spreads the guesses over. It can lock the owner out for
  // 15 minutes too; that is the price of bounding guesses per account.
  signInFailuresPerAccount: { points: 20, seconds: 15 * 60 },
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
  // Each ticket lands in a person's inbox and sends an email: a few an hour is plenty.
  supportTicketPerIp: { points: 10, seconds: 60 * 60 },
  supportTicketPerEmail: { points: 3, seconds: 60 * 60 },
  // The customer API (docs/api.md): a minute's budget per key, and per address for the public
  // routes and for requests whose key is refused.
  apiRequestsPerKey: { points: 60, seconds: 60 },
  apiRequestsPerIp: { points: 60, seconds: 60 },
} as const;
export type LimitName = keyof typeof LIMITS;

const globalForLimiters = globalThis as unknown as { hashworkLimiters?: Map<LimitName, RateLimiterPostgres> };

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimiters.hashworkLimiters ??= new Map();
  let existing = globalForLimiters.hashworkLimiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: counterPool(),
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

/** Uses a point; throws RateLimitedError when none was left. */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(error));
    throw error;
  }
}

/** Where a limit stands after a request used a point: for RateLimit-* response headers. */
export type LimitState = {
  allowed: boolean;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
};

/** Uses a point and says what is left, instead of throwing when none was. */
export async function useLimit(name: LimitName, key: string): Promise<LimitState> {
  const { points: limit, seconds: windowSeconds } = LIMITS[name];
  try {
    const res = await limiter(name).consume(key);
    return { allowed: true, limit, windowSeconds, remaining: res.remainingPoints, resetSeconds: retryAfter(res) };
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { allowed: false, limit, windowSeconds, remaining: 0, resetSeconds: retryAfter(error) };
    throw error;
  }
}

export type LimitKey = readonly [name: LimitName, key: string];

/**
 * Takes one point from each limit before an attempt is checked, in one atomic step per limit,
 * so a burst of parallel attempts cannot all pass a check that counts failures afterwards.
 * When any limit is used up, the points already taken are given back and RateLimitedError
 * is thrown. Call givePointsBack when the attempt succeeds: only failures count.
 */
export async function takePoints(limits: readonly LimitKey[]): Promise<void> {
  const taken: LimitKey[] = [];
  for (const limit of limits) {
    try {
      await consumeLimit(...limit);
      taken.push(limit);
    } catch (error) {
      await givePointsBack(taken);
      throw error;
    }
  }
}

export async function givePointsBack(limits: readonly LimitKey[]): Promise<void> {
  for (const [name, key] of limits) await limiter(name).reward(key, 1);
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
