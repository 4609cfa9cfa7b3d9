// The customer's own consent choices: communication preferences and the cookie banner. Each
// change appends a Consent row with where it was made (address and browser, as the activity
// log records them); a choice equal to the current one appends nothing. While processing is
// restricted no purpose can be switched on (docs/product-rules.md §11).
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentPurpose, ConsentSource } from "@/lib/generated/prisma/enums";
import type { CookieChoice } from "@/lib/privacy/cookies/consent-cookie";
import { latestConsents } from "./index";

export const RESTRICTED_MESSAGE =
  "Processing is restricted on your account, so marketing, analytics and advertising stay off until the restriction is lifted.";

type Change = Partial<Record<ConsentPurpose, boolean>>;

/** Appends a row for each purpose whose choice changes; returns the purposes changed. */
async function applyChoices(
  userId: string,
  change: Change,
  source: ConsentSource,
  request: RequestInfo,
): Promise<ConsentPurpose[]> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    // One change at a time per customer: parallel saves cannot interleave their reads and rows.
    const [user] = await tx.$queryRaw<{ processingRestrictedAt: Date | null }[]>`
      SELECT "processingRestrictedAt" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!user) throw new UserError("Please sign in again.");
    const wanted = Object.entries(change) as [ConsentPurpose, boolean][];
    if (user.processingRestrictedAt && wanted.some(([, granted]) => granted)) throw new UserError(RESTRICTED_MESSAGE);
    const current = await latestConsents(userId, tx);
    const changed = wanted.filter(([purpose, granted]) => current[purpose] !== granted);
    if (changed.length === 0) return [];
    await tx.consent.createMany({
      data: changed.map(([purpose, granted]) => ({
        userId,
        purpose,
        granted,
        source,
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 300) ?? null,
      })),
    });
    const marketing = changed.find(([purpose]) => purpose === "marketing");
    if (marketing) await tx.user.update({ where: { id: userId }, data: { marketingOptIn: marketing[1] } });
    return changed.map(([purpose]) => purpose);
  });
}

/** Marketing email on or off, from the settings page. Transactional mail is never affected. */
export async function setMarketingPreference(userId: string, granted: boolean, request: RequestInfo): Promise<boolean> {
  return (await applyChoices(userId, { marketing: granted }, "preferences", request)).length > 0;
}

/** A signed-in customer's cookie-banner choice, kept in their consent history. */
export async function recordCookieChoice(userId: string, choice: CookieChoice, request: RequestInfo): Promise<void> {
  await applyChoices(
    userId,
    { analytics: choice.analytics, advertising: choice.advertising },
    "cookie_banner",
    request,
  );
}

/**
 * Whether the account lets a cookie purpose run: not for a restricted or closed account, nor
 * when the customer's newest choice for it is a no (an objection, say, made on another
 * device). With no choice recorded the browser's own choice decides.
 */
export async function accountAllows(userId: string, purpose: "analytics" | "advertising"): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { status: true, processingRestrictedAt: true },
  });
  if (!user || user.processingRestrictedAt || user.status === "closing" || user.status === "closed") return false;
  return (await latestConsents(userId))[purpose] !== false;
}
