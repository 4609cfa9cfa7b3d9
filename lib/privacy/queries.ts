// Reads of privacy requests: the customer's own (their privacy centre) and the privacy officer's
// queue, request page and overview counts.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma, PrivacyRequestStatus } from "@/lib/generated/prisma/client";
import { openDetails } from "@/lib/kyc/personal-data";
import type { QueueFilter } from "@/lib/validation/privacy";
import { requestedChangeOf } from "./requests/handle-request";
import { RECTIFIABLE_FIELDS } from "./requests/rectifiable-fields";
import { DUE_SOON_DAYS, OPEN_STATUSES } from "./requests/rules";
import { DAY_MS } from "@/lib/time/utc-days";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const open = { in: [...OPEN_STATUSES] as PrivacyRequestStatus[] };

/** The customer's requests, newest first, with what they may see of each timeline and export. */
export async function ownRequests(userId: string) {
  const rows = await db.privacyRequest.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      type: true,
      status: true,
      details: true,
      dueAt: true,
      extendedAt: true,
      extensionReason: true,
      decisionReason: true,
      complaintInfo: true,
      response: true,
      identityVerifiedAt: true,
      completedAt: true,
      recipientEmail: true,
      objectionPurpose: true,
      requestedChange: true,
      createdAt: true,
      events: {
        where: { internal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, note: true, createdAt: true },
      },
      exports: { orderBy: { createdAt: "desc" }, select: { id: true, expiresAt: true, createdAt: true } },
    },
  });
  return rows.map((row) => ({ ...row, requestedChange: requestedChangeOf(row) }));
}

/** What is restricted on the customer's account and why, for their privacy centre. */
export async function ownProcessingState(userId: string) {
  const [user, objections, kycCase] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { processingRestrictedAt: true, marketingOptIn: true } }),
    db.privacyRequest.findMany({
      where: { userId, type: "objection", status: { in: [...OPEN_STATUSES, "completed"] } },
      select: { objectionPurpose: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.kycCase.findUnique({ where: { userId }, select: { id: true, flagged: true, flagReason: true } }),
  ]);
  return {
    restrictedAt: user?.processingRestrictedAt ?? null,
    objections: [...new Set(objections.map((row) => row.objectionPurpose).filter((purpose) => purpose !== null))],
    flaggedKycCase: kycCase?.flagged ? { id: kycCase.id, reason: kycCase.flagReason } : null,
  };
}

function queueWhere(filter: QueueFilter, now: Date): Prisma.PrivacyRequestWhereInput {
  const where: Prisma.PrivacyRequestWhereInput = {};
  if (filter.type) where.type = filter.type;
  if (filter.status === "open") where.status = open;
  else if (filter.status && filter.status !== "all") where.status = filter.status;
  if (filter.due === "overdue") {
    if (!where.status || filter.status === "open") where.status = open;
    where.dueAt = { lt: now };
  }
  if (filter.due === "soon") {
    if (!where.status || filter.status === "open") where.status = open;
    where.dueAt = { gte: now, lt: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) };
  }
  return where;
}

/** The privacy officer's queue: the most urgent first. */
export async function privacyQueue(filter: QueueFilter, now: Date = new Date()) {
  return db.privacyRequest.findMany({
    where: queueWhere(filter, now),
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      type: true,
      status: true,
      dueAt: true,
      createdAt: true,
      identityVerifiedAt: true,
      user: { select: { email: true } },
      assignee: { select: { email: true } },
    },
  });
}

/** The officer's overview: open requests, those due within 7 days, overdue ones. */
export async function privacySummary(now: Date = new Date()) {
  const [openCount, dueSoon, overdue] = await Promise.all([
    db.privacyRequest.count({ where: { status: open } }),
    db.privacyRequest.count({ where: queueWhere({ due: "soon" }, now) }),
    db.privacyRequest.count({ where: queueWhere({ due: "overdue" }, now) }),
  ]);
  return { open: openCount, dueSoon, overdue };
}

/** Everyone who may be assigned a request: staff with the privacy permission and 2FA on. */
export async function privacyOfficers() {
  return db.user.findMany({
    where: { role: { in: ["privacy_officer", "admin"] }, totpEnabledAt: { not: null }, status: "active" },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
}

/** One request as the officer sees it, with its whole timeline; null for an unknown id. */
export async function requestForOfficer(requestId: string) {
  if (!UUID.test(requestId)) return null;
  const row = await db.privacyRequest.findUnique({
    where: { id: requestId },
    include: {
      user: { select: { id: true, email: true, displayName: true, status: true } },
      assignee: { select: { id: true, email: true } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { email: true } } } },
      exports: {
        orderBy: { createdAt: "desc" },
        select: { id: true, expiresAt: true, createdAt: true, sizeBytes: true },
      },
      kycCase: {
        select: {
          id: true,
          status: true,
          flagged: true,
          flagReason: true,
          submittedAt: true,
          decidedAt: true,
          customerMessage: true,
          userId: true,
          dataEnc: true,
        },
      },
    },
  });
  if (!row) return null;
  const changes = requestedChangeOf(row);
  let current: Record<string, string | null> = {};
  if (changes.length > 0 && row.userId) {
    const kycCase = await db.kycCase.findUnique({ where: { userId: row.userId }, select: { dataEnc: true } });
    const details = kycCase?.dataEnc ? (openDetails(row.userId, kycCase.dataEnc) as Record<string, unknown>) : {};
    current = Object.fromEntries(
      changes.map((change) => [
        change.field,
        RECTIFIABLE_FIELDS[change.field].place === "account"
          ? (row.user?.displayName ?? null)
          : typeof details[change.field] === "string"
            ? (details[change.field] as string)
            : null,
      ]),
    );
  }
  const { kycCase, ...rest } = row;
  return {
    ...rest,
    requestedChange: changes.map((change) => ({ ...change, current: current[change.field] ?? null })),
    // The case's outcome and flag only: its documents stay with the KYC reviewers.
    kycCase: kycCase
      ? {
          id: kycCase.id,
          status: kycCase.status,
          flagged: kycCase.flagged,
          flagReason: kycCase.flagReason,
          submittedAt: kycCase.submittedAt,
          decidedAt: kycCase.decidedAt,
          customerMessage: kycCase.customerMessage,
        }
      : null,
  };
}

/** Open requests due within 7 days, and overdue ones, for the officers' daily reminder. */
export async function deadlineLists(now: Date) {
  const select = { id: true, type: true, dueAt: true, user: { select: { email: true } } } as const;
  const [overdue, dueSoon] = await Promise.all([
    db.privacyRequest.findMany({ where: queueWhere({ due: "overdue" }, now), orderBy: { dueAt: "asc" }, select }),
    db.privacyRequest.findMany({ where: queueWhere({ due: "soon" }, now), orderBy: { dueAt: "asc" }, select }),
  ]);
  return { overdue, dueSoon };
}
