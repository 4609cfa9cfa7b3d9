// Recording which version of the terms of service a customer accepted, when and from where.
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TermsAcceptanceSource } from "@/lib/generated/prisma/enums";
import { CURRENT_TERMS } from "./index";

export const TERMS_CHANGED_MESSAGE =
  "The terms of service changed while this page was open. Read the new version and accept it again.";

/**
 * Records the customer's acceptance of `version`, which must be the version in force (a form
 * opened before a newer version was published is refused, so nobody accepts unseen text).
 * Accepting the same version twice keeps the first acceptance.
 */
export async function acceptTerms(
  userId: string,
  version: string,
  source: TermsAcceptanceSource,
  request: RequestInfo,
  client: Prisma.TransactionClient | typeof db = db,
): Promise<void> {
  if (version !== CURRENT_TERMS.id) throw new UserError(TERMS_CHANGED_MESSAGE);
  await client.termsAcceptance.createMany({
    data: [{ userId, version, source, ip: request.ip, userAgent: request.userAgent?.slice(0, 300) ?? null }],
    skipDuplicates: true,
  });
}
