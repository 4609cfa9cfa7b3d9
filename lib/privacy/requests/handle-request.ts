// The privacy officer's steps on a request (docs/product-rules.md §9): assign, note, extend,
// complete, refuse, apply a rectification, send a portability export to its recipient. Each is
// on the request's timeline and in the audit log; the customer is emailed about every step that
// concerns them. Nobody handles their own request.
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format/date";
import type { Prisma, PrivacyRequest } from "@/lib/generated/prisma/client";
import { openDetails, sealDetails } from "@/lib/kyc/personal-data";
import { sendExportToRecipient } from "@/lib/privacy/export";
import { REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { applyOnCompletion, applyOnRefusal } from "./effects";
import { finishRequest } from "./finish-request";
import { RECTIFIABLE_FIELDS, type RequestedChange } from "./rectifiable-fields";
import { extendedDueAt, isOpen, mayStillExtend, RESPONSE_DAYS, SENT_EVENT } from "./rules";
import { recordStep, tellCustomer } from "./timeline";

type Officer = { id: string };
type Tx = Prisma.TransactionClient;

/** The request under a row lock, refused when it is the officer's own or (unless `closed`) no longer open. */
async function lockRequest(tx: Tx, requestId: string, officer: Officer, { closedToo = false } = {}) {
  await tx.$queryRaw`SELECT id FROM "PrivacyRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
  const found = await tx.privacyRequest.findUnique({
    where: { id: requestId },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!found) throw new UserError("That request does not exist.");
  if (found.userId === officer.id) throw new UserError("This is your own request; another privacy officer handles it.");
  if (!closedToo && !isOpen(found.status)) throw new UserError("This request is already closed.");
  return found;
}

async function loadOpen(requestId: string, officer: Officer) {
  return db.$transaction((tx) => lockRequest(tx, requestId, officer));
}

export async function assignRequest(
  officer: Officer,
  requestId: string,
  assigneeId: string,
  request: RequestInfo,
): Promise<void> {
  const assignee = await db.user.findUnique({
    where: { id: assigneeId },
    select: { id: true, email: true, role: true, totpEnabledAt: true, status: true },
  });
  if (!assignee || !can(assignee.role, "privacy.handle") || !assignee.totpEnabledAt || assignee.status !== "active") {
    throw new UserError("Choose a privacy officer.", { assigneeId: ["Choose a privacy officer."] });
  }
  await db.$transaction(async (tx) => {
    const found = await lockRequest(tx, requestId, officer);
    if (found.userId === assignee.id) {
      throw new UserError("Nobody handles their own request.", { assigneeId: ["Choose another officer."] });
    }
    await tx.privacyRequest.update({
      where: { id: requestId },
      data: { assigneeId: assignee.id, status: found.status === "received" ? "in_progress" : found.status },
    });
    await recordStep(
      tx,
      {
        requestId,
        actorId: officer.id,
        type: "assigned",
        note: `Assigned to ${assignee.email}`,
        internal: true,
        details: { assigneeId: assignee.id },
      },
      request,
    );
  });
}

/** An internal note: staff only, never shown to the customer. Closed requests take notes too. */
export async function addNote(officer: Officer, requestId: string, body: string, request: RequestInfo): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockRequest(tx, requestId, officer, { closedToo: true });
    await recordStep(tx, { requestId, actorId: officer.id, type: "note", note: body, internal: true }, request);
  });
}

/** Up to two more months, with the reason, announced within the first 30 days; once per request. */
export async function extendRequest(
  officer: Officer,
  requestId: string,
  { months, reason }: { months: number; reason: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<Date> {
  const updated = await db.$transaction(async (tx) => {
    const found = await lockRequest(tx, requestId, officer);
    if (found.extendedAt) throw new UserError("This request was already extended; it cannot be extended again.");
    if (!mayStillExtend(found.createdAt, now)) {
      throw new UserError(
        `An extension must be announced within ${RESPONSE_DAYS} days of filing; this request was filed on ${formatUtcDate(found.createdAt)}.`,
      );
    }
    const dueAt = extendedDueAt(found.createdAt, months);
    await tx.privacyRequest.update({
      where: { id: requestId },
      data: { status: "extended", dueAt, extendedAt: now, extensionReason: reason },
    });
    await recordStep(
      tx,
      {
        requestId,
        actorId: officer.id,
        type: "extended",
        note: reason,
        details: { months, dueAt: dueAt.toISOString() },
      },
      request,
    );
    return { ...found, dueAt };
  });
  await tellCustomer(updated.user?.email, {
    step: "extended",
    type: REQUEST_TYPE_SHORT[updated.type],
    dueOn: formatUtcDate(updated.dueAt),
    reason,
  });
  return updated.dueAt;
}

const ERASED_ANSWER = "Your personal data was erased; what the law requires us to keep is kept pseudonymised.";

/** Completes a request with the answer to the customer; an erasure is carried out first. */
export async function completeRequest(
  officer: Officer,
  requestId: string,
  response: string,
  request: RequestInfo,
  now: Date = new Date(),
): Promise<void> {
  const found = await loadOpen(requestId, officer);
  if (found.type === "erasure") {
    if (!found.identityVerifiedAt) {
      throw new UserError("The customer has not confirmed their identity yet; the erasure waits for it.");
    }
    // Told before their address goes with the rest of their data; the row keeps a fixed answer,
    // since the officer's words may name the person whose data is erased.
    await tellCustomer(found.user?.email, { step: "completed", type: REQUEST_TYPE_SHORT[found.type], response });
    await applyOnCompletion(found, officer.id, now);
    await finishRequest(requestId, officer.id, { response: ERASED_ANSWER, email: null }, request, now);
    return;
  }
  if (found.type === "account_closure" && !found.identityVerifiedAt) {
    throw new UserError("The customer has not confirmed their identity yet; the closure waits for it.");
  }
  await finishRequest(requestId, officer.id, { response }, request, now);
}

/** Refuses a request with the reasons and where to complain; a refused restriction is lifted. */
export async function refuseRequest(
  officer: Officer,
  requestId: string,
  { reason, complaintInfo }: { reason: string; complaintInfo: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<void> {
  const refused = await db.$transaction(async (tx) => {
    const found = await lockRequest(tx, requestId, officer);
    await tx.privacyRequest.update({
      where: { id: requestId },
      data: { status: "refused", completedAt: now, decisionReason: reason, complaintInfo },
    });
    await recordStep(tx, { requestId, actorId: officer.id, type: "refused", note: reason }, request);
    return found;
  });
  await applyOnRefusal(refused, officer.id);
  await tellCustomer(refused.user?.email, {
    step: "refused",
    type: REQUEST_TYPE_SHORT[refused.type],
    reason,
    complaintInfo,
  });
}

export function requestedChangeOf(row: Pick<PrivacyRequest, "requestedChange">): RequestedChange {
  const value = row.requestedChange;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (change): change is RequestedChange[number] =>
      typeof change === "object" &&
      change !== null &&
      "field" in change &&
      typeof change.field === "string" &&
      change.field in RECTIFIABLE_FIELDS &&
      "to" in change &&
      typeof change.to === "string",
  );
}

/** Applies a rectification's requested change in one step and completes the request. */
export async function applyRectification(
  officer: Officer,
  requestId: string,
  request: RequestInfo,
  now: Date = new Date(),
): Promise<string[]> {
  const corrected = await db.$transaction(async (tx) => {
    const found = await lockRequest(tx, requestId, officer);
    if (found.type !== "rectification") throw new UserError("Only a rectification request has a change to apply.");
    if (found.rectifiedAt) throw new UserError("This correction was already applied.");
    const changes = requestedChangeOf(found);
    if (!found.userId || changes.length === 0) throw new UserError("This request has no change to apply.");
    const account = changes.filter((change) => RECTIFIABLE_FIELDS[change.field].place === "account");
    const identity = changes.filter((change) => RECTIFIABLE_FIELDS[change.field].place === "identity");
    for (const change of account) {
      await tx.user.update({ where: { id: found.userId }, data: { [change.field]: change.to } });
    }
    if (identity.length > 0) {
      const kycCase = await tx.kycCase.findUnique({ where: { userId: found.userId } });
      if (!kycCase?.dataEnc) {
        throw new UserError(
          "The customer has no identity details on file to correct. Refuse or answer the request instead.",
        );
      }
      const details = openDetails(found.userId, kycCase.dataEnc);
      for (const change of identity) Object.assign(details, { [change.field]: change.to });
      await tx.kycCase.update({ where: { id: kycCase.id }, data: sealDetails(found.userId, details) });
      await tx.kycEvent.create({
        data: {
          caseId: kycCase.id,
          actorId: officer.id,
          type: "details_rectified",
          message: `Corrected by a privacy request: ${identity.map((change) => RECTIFIABLE_FIELDS[change.field].label).join(", ")}`,
        },
      });
    }
    await tx.privacyRequest.update({ where: { id: requestId }, data: { rectifiedAt: now } });
    const labels = changes.map((change) => RECTIFIABLE_FIELDS[change.field].label);
    await recordStep(
      tx,
      {
        requestId,
        actorId: officer.id,
        type: "rectified",
        note: `Corrected: ${labels.join(", ")}`,
        details: { fields: changes.map((change) => change.field) },
      },
      request,
    );
    return labels;
  });
  await finishRequest(
    requestId,
    officer.id,
    { response: `We corrected your ${corrected.join(", ").toLowerCase()} as you asked.` },
    request,
    now,
  );
  return corrected;
}

/** Portability to a third party: the officer, having checked the recipient, sends them the export. */
export async function sendToRecipient(officer: Officer, requestId: string): Promise<string> {
  const found = await db.$transaction((tx) => lockRequest(tx, requestId, officer, { closedToo: true }));
  if (found.type !== "portability" || !found.recipientEmail) {
    throw new UserError("Only a portability request naming a recipient can be sent to one.");
  }
  if (!found.identityVerifiedAt) throw new UserError("The customer has not confirmed their identity yet.");
  if (found.status === "refused") throw new UserError("This request was refused.");
  const sent = await db.privacyRequestEvent.count({ where: { requestId, type: SENT_EVENT } });
  if (sent > 0) throw new UserError("The export was already sent to the recipient.");
  // Audited and put on the timeline by the export module.
  await sendExportToRecipient(requestId, officer.id);
  return found.recipientEmail;
}
