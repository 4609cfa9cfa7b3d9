// Clears what has expired: rate-limit counters whose window ended, and email links and sessions
// that can no longer be used (kept a week for support questions). Set-based and idempotent.
import "server-only";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/time/utc-days";

export async function purgeExpired(
  now = new Date(),
): Promise<{ rateLimits: number; emailTokens: number; sessions: number }> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const rateLimits = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } });
  const emailTokens = await db.emailToken.deleteMany({ where: { expiresAt: { lt: weekAgo } } });
  const sessions = await db.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: weekAgo } }, { endedAt: { lt: weekAgo } }] },
  });
  return { rateLimits: rateLimits.count, emailTokens: emailTokens.count, sessions: sessions.count };
}
