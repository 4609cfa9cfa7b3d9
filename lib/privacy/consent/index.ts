// What a customer has agreed to, and the rights that take consent away: restriction of
// processing and objection to a purpose. The newest Consent row per purpose is the customer's
// current choice; User.marketingOptIn mirrors the marketing one. Restriction withdraws every
// non-essential purpose at once and blocks new grants until it is lifted; essential processing
// (contracts, settlement, legal retention) goes on regardless (docs/product-rules.md §11).
import "server-only";
import { recordAudit } from "@/lib/activity/record";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentPurpose } from "@/lib/generated/prisma/enums";

export type { ConsentPurpose };

/** Every purpose that needs consent; none of them is needed to run an account. */
export const CONSENT_PURPOSES = ["marketing", "analytics", "advertising"] as const satisfies readonly ConsentPurpose[];

/** The newest choice per purpose (undefined when the customer never chose). */
export async function latestConsents(
  userId: string,
  client: Db | Prisma.TransactionClient = db,
): Promise<Partial<Record<ConsentPurpose, boolean>>> {
  const rows = await client.consent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["purpose"],
    select: { purpose: true, granted: true },
  });
  return Object.fromEntries(rows.map((row) => [row.purpose, row.granted]));
}

/**
 * Stops marketing mail, analytics and advertising for the customer at once: each purpose not
 * already withdrawn gets a withdrawal with source "restriction", and processingRestrictedAt is
 * set (the first restriction's time is kept). Calling it again changes nothing.
 */
export async function restrictProcessing(userId: string, opts: { requestId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { processingRestrictedAt: true } });
    if (!user) return;
    const current = await latestConsents(userId, tx);
    const open = CONSENT_PURPOSES.filter((purpose) => current[purpose] !== false);
    if (open.length > 0) {
      await tx.consent.createMany({
        data: open.map((purpose) => ({
          userId,
          purpose,
          granted: false,
          source: "restriction",
          requestId: opts.requestId,
        })),
      });
    }
    await tx.user.update({
      where: { id: userId },
      data: { marketingOptIn: false, processingRestrictedAt: user.processingRestrictedAt ?? new Date() },
    });
  });
}

/**
 * Ends a restriction. Withdrawn consents stay withdrawn: the customer opts in again if they
 * wish. Audited with the staff member (or the customer) who lifted it.
 */
export async function liftRestriction(userId: string, opts: { actorId: string; requestId?: string }): Promise<void> {
  const lifted = await db.user.updateMany({
    where: { id: userId, processingRestrictedAt: { not: null } },
    data: { processingRestrictedAt: null },
  });
  if (lifted.count === 0) return;
  await recordAudit(
    {
      actorId: opts.actorId,
      action: "privacy.restriction_lifted",
      targetType: "user",
      targetId: userId,
      details: opts.requestId ? { requestId: opts.requestId } : undefined,
    },
    { ip: null, userAgent: null },
  );
}

/** The customer objects to one purpose: its consent is withdrawn at once (source "objection"). */
export async function recordObjection(
  userId: string,
  purpose: ConsentPurpose,
  opts: { requestId: string },
): Promise<void> {
  if (!CONSENT_PURPOSES.includes(purpose)) throw new Error(`Unknown consent purpose: ${String(purpose)}`);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return;
    const already = await tx.consent.findFirst({
      where: { userId, purpose, source: "objection", requestId: opts.requestId },
      select: { id: true },
    });
    if (already) return; // the same objection filed twice is one withdrawal
    await tx.consent.create({
      data: { userId, purpose, granted: false, source: "objection", requestId: opts.requestId },
    });
    if (purpose === "marketing") await tx.user.update({ where: { id: userId }, data: { marketingOptIn: false } });
  });
}

/**
 * The one check before any marketing mail: an open, unrestricted account with a confirmed
 * address whose newest marketing choice is a yes. Transactional mail never asks this.
 */
export async function mayReceiveMarketing(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      status: true,
      emailVerifiedAt: true,
      marketingOptIn: true,
      processingRestrictedAt: true,
      pseudonymisedAt: true,
    },
  });
  if (!user) return false;
  if (user.status === "closing" || user.status === "closed" || user.pseudonymisedAt) return false;
  if (!user.emailVerifiedAt || user.processingRestrictedAt || !user.marketingOptIn) return false;
  return (await latestConsents(userId)).marketing === true;
}
