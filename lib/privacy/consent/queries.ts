// What pages read about a customer's consents and restrictions (settings and privacy centre).
import "server-only";
import { db } from "@/lib/db";
import type { ConsentPurpose } from "@/lib/generated/prisma/enums";
import { CONSENT_PURPOSES, latestConsents } from "./index";

/** The consent history, newest first, with where each choice was made. */
export function consentHistory(userId: string, take = 100) {
  return db.consent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, purpose: true, granted: true, source: true, ip: true, userAgent: true, createdAt: true },
  });
}

export type ProcessingLimits = {
  /** Set while processing is restricted: every non-essential purpose is off. */
  restrictedAt: Date | null;
  /** Purposes stopped by an objection (and not chosen again since). */
  objected: ConsentPurpose[];
  /** The current choice per purpose (false when never chosen). */
  current: Record<ConsentPurpose, boolean>;
};

/** What is restricted or objected to on the account, for the settings page and the privacy centre. */
export async function processingLimits(userId: string): Promise<ProcessingLimits> {
  const [user, latest, newest] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { processingRestrictedAt: true } }),
    latestConsents(userId),
    db.consent.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["purpose"],
      select: { purpose: true, granted: true, source: true },
    }),
  ]);
  return {
    restrictedAt: user?.processingRestrictedAt ?? null,
    objected: newest.filter((row) => !row.granted && row.source === "objection").map((row) => row.purpose),
    current: Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, latest[purpose] === true])) as Record<
      ConsentPurpose,
      boolean
    >,
  };
}
