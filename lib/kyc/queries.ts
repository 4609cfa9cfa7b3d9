// Reads of KYC cases: the customer's own, and the reviewers' queue.
import "server-only";
import { db } from "@/lib/db";
import type { KycStatus, Prisma } from "@/lib/generated/prisma/client";
import { instantCursor, keysetPage, seekQuery } from "@/lib/pagination";
import { openDetails } from "./personal-data";

/** The customer's case with their own details decrypted (for them only); null before the first submission. */
export async function ownKycCase(userId: string) {
  const kycCase = await db.kycCase.findUnique({
    where: { userId },
    include: { documents: { where: { supersededAt: null }, select: { id: true, kind: true, mimeType: true } } },
  });
  if (!kycCase) return null;
  return {
    id: kycCase.id,
    status: kycCase.status,
    flagged: kycCase.flagged,
    flagReason: kycCase.flagReason,
    humanReviewRequestedAt: kycCase.humanReviewRequestedAt,
    customerMessage: kycCase.customerMessage,
    resubmitItems: kycCase.resubmitItems,
    submittedAt: kycCase.submittedAt,
    documents: kycCase.documents,
    details: kycCase.dataEnc ? openDetails(userId, kycCase.dataEnc) : null,
  };
}

export async function kycStatusOf(userId: string): Promise<KycStatus> {
  return (await db.kycCase.findUnique({ where: { userId }, select: { status: true } }))?.status ?? "not_started";
}

/** One page of the reviewers' queue, oldest submission first. */
export async function kycQueue(status: KycStatus | "flagged", cursor?: string) {
  const where: Prisma.KycCaseWhereInput =
    status === "flagged" ? { status: "pending", flagged: true } : { status, submittedAt: { not: null } };
  return keysetPage({
    cursor,
    codec: instantCursor,
    fetch: (seek) => {
      const page = seekQuery("submittedAt", seek, "asc");
      return db.kycCase.findMany({
        where: { AND: [where, { submittedAt: { not: null } }, page.where] },
        orderBy: page.orderBy,
        take: page.take,
        select: {
          id: true,
          status: true,
          flagged: true,
          humanReviewRequestedAt: true,
          submittedAt: true,
          decidedAt: true,
          user: { select: { email: true } },
        },
      });
    },
    // Cases in the queue were all submitted (the where says so).
    keyOf: (kycCase) => ({ key: kycCase.submittedAt ?? new Date(0), id: kycCase.id }),
  });
}

export async function kycCaseForReview(caseId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const kycCase = await db.kycCase.findUnique({
    where: { id: caseId },
    include: {
      user: { select: { id: true, email: true } },
      documents: {
        orderBy: { createdAt: "desc" },
        select: { id: true, kind: true, mimeType: true, sizeBytes: true, supersededAt: true, createdAt: true },
      },
      notes: { orderBy: { createdAt: "desc" }, include: { author: { select: { email: true } } } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { email: true } } } },
    },
  });
  if (!kycCase) return null;
  return { ...kycCase, details: kycCase.dataEnc ? openDetails(kycCase.userId, kycCase.dataEnc) : null };
}

/** The size of the review queue for the console overview. */
export async function kycQueueSummary(): Promise<{ waiting: number; flagged: number; oldestSubmittedAt: Date | null }> {
  const [waiting, flagged, oldest] = await Promise.all([
    db.kycCase.count({ where: { status: "pending" } }),
    db.kycCase.count({ where: { status: "pending", flagged: true } }),
    db.kycCase.findFirst({
      where: { status: "pending" },
      orderBy: { submittedAt: "asc" },
      select: { submittedAt: true },
    }),
  ]);
  return { waiting, flagged, oldestSubmittedAt: oldest?.submittedAt ?? null };
}
