// Closing an account: sign-in stops at once, every session ends, every API key is revoked, unpaid
// orders are cancelled and their TH released. Erasure follows within 30 days (the retention job,
// docs/product-rules.md §10).
import "server-only";
import { recordAudit } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { accountClosedMail } from "@/lib/mail/templates";
import { ERASE_AFTER_CLOSURE_DAYS } from "@/lib/privacy/retention-rules";
import { DAY_MS } from "@/lib/time/utc-days";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Cancels the customer's unpaid orders and gives their TH back, in one statement. */
export async function cancelOpenOrders(tx: Tx, userId: string, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ cancelled: bigint }[]>`
    WITH cancelled AS (
      UPDATE "Order" SET status = 'cancelled', "updatedAt" = ${now}
      WHERE "userId" = ${userId}::uuid AND status = 'pending_payment'
      RETURNING "productId", th
    ), released AS (
      UPDATE "Product" p SET "soldTh" = p."soldTh" - c.th, "updatedAt" = ${now}
      FROM (SELECT "productId", SUM(th)::int AS th FROM cancelled GROUP BY "productId") c
      WHERE p.id = c."productId"
      RETURNING p.id
    )
    SELECT (SELECT count(*) FROM cancelled) AS cancelled`;
  return Number(rows[0]?.cancelled ?? 0);
}

/**
 * Closes the account at once (idempotent: a closed or closing account stays as it is). The
 * sign-in check refuses closing and closed accounts, and sessions are checked on every request,
 * so ending them signs the customer out everywhere.
 */
export async function closeAccount(userId: string, opts: { requestId?: string; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const closed = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, status: true } });
    if (!user) throw new Error(`closeAccount: no user ${userId}`);
    const { count } = await tx.user.updateMany({
      where: { id: userId, status: { in: ["active", "restricted"] } },
      data: { status: "closing", closedAt: now, marketingOptIn: false, sessionVersion: { increment: 1 } },
    });
    await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
    await tx.emailToken.deleteMany({ where: { userId, usedAt: null } });
    await tx.apiKey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    if (!count) return null;
    const cancelledOrders = await cancelOpenOrders(tx, userId, now);
    await recordAudit(
      {
        actorId: userId,
        action: "privacy.account.closed",
        targetType: "user",
        targetId: userId,
        details: { requestId: opts.requestId ?? null, cancelledOrders },
      },
      { ip: null, userAgent: null },
      tx,
    );
    if (opts.requestId) {
      await tx.privacyRequestEvent.create({
        data: { requestId: opts.requestId, type: "account_closed", note: "Your account was closed.", createdAt: now },
      });
    }
    return user;
  });
  if (closed) {
    await sendMail(accountClosedMail(closed.email, new Date(now.getTime() + (ERASE_AFTER_CLOSURE_DAYS + 1) * DAY_MS)));
  }
}
