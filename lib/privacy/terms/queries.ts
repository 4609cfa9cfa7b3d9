// What pages read about the terms a customer accepted.
import "server-only";
import { db } from "@/lib/db";
import { CURRENT_TERMS, type TermsVersion } from "./index";

/** The version in force when the customer has not accepted it yet; null when they have. */
export async function termsToAccept(userId: string): Promise<TermsVersion | null> {
  const accepted = await db.termsAcceptance.findUnique({
    where: { userId_version: { userId, version: CURRENT_TERMS.id } },
    select: { id: true },
  });
  return accepted ? null : CURRENT_TERMS;
}

/** Every version the customer accepted, newest first. */
export function termsAcceptances(userId: string) {
  return db.termsAcceptance.findMany({
    where: { userId },
    orderBy: { acceptedAt: "desc" },
    select: { id: true, version: true, source: true, acceptedAt: true, ip: true, userAgent: true },
    take: 50,
  });
}
