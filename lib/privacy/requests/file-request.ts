// A customer files a privacy request (docs/product-rules.md §9): due 30 days later, on its
// timeline, audited and emailed. A second identical request while the first is open is refused
// with a link to the first. Restriction and objection take effect at filing.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format/date";
import type { ConsentPurpose, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { routes } from "@/lib/routes";
import type { FileRequestInput } from "@/lib/validation/privacy";
import { applyAtFiling } from "./effects";
import type { RequestedChange } from "./rectifiable-fields";
import { dueAtFor, needsIdentity, OPEN_STATUSES } from "./rules";
import { recordStep, tellCustomer } from "./timeline";

export type NewRequest = {
  type: PrivacyRequestType;
  details: string;
  recipientEmail?: string | null;
  objectionPurpose?: ConsentPurpose | null;
  requestedChange?: RequestedChange | null;
  kycCaseId?: string | null;
};

/** What makes two requests "the same": the type and what it is about. */
function subjectOf(request: {
  type: PrivacyRequestType;
  recipientEmail?: string | null;
  objectionPurpose?: ConsentPurpose | null;
  requestedChange?: unknown;
  kycCaseId?: string | null;
}): string {
  switch (request.type) {
    case "portability":
      return request.recipientEmail ?? "";
    case "objection":
      return request.objectionPurpose ?? "";
    case "rectification": {
      // Compared field by field: jsonb does not keep the keys' order.
      const changes = Array.isArray(request.requestedChange) ? (request.requestedChange as RequestedChange) : [];
      return changes
        .map((change) => `${change.field}=${change.to}`)
        .sort()
        .join("\n");
    }
    case "automated_decision_review":
      return request.kycCaseId ?? "";
    default:
      return "";
  }
}

export class DuplicateRequestError extends UserError {
  constructor(readonly existingId: string) {
    super("You already have the same request open; we are working on it.", undefined, {
      href: routes.dashboard.privacyRequest(existingId),
      label: "See that request",
    });
    this.name = "DuplicateRequestError";
  }
}

/** The form's input as a request: only the fields the type uses are kept. */
export async function requestFromForm(userId: string, input: FileRequestInput): Promise<NewRequest> {
  const base = { type: input.type, details: input.details };
  switch (input.type) {
    case "portability":
      return { ...base, recipientEmail: input.recipientEmail ?? null };
    case "objection":
      return { ...base, objectionPurpose: input.objectionPurpose! };
    case "rectification":
      return { ...base, requestedChange: [{ field: input.field!, to: input.correctedValue! }] };
    case "automated_decision_review": {
      const kycCase = await db.kycCase.findUnique({ where: { userId }, select: { id: true, flagged: true } });
      if (!kycCase?.flagged) {
        throw new UserError("No automated check has flagged anything on your account, so there is nothing to review.", {
          type: ["There is no automated decision to review."],
        });
      }
      return { ...base, kycCaseId: kycCase.id };
    }
    default:
      return base;
  }
}

export async function fileRequest(
  user: { id: string; email: string },
  input: NewRequest,
  request: RequestInfo,
  now: Date = new Date(),
): Promise<{ requestId: string }> {
  const created = await db.$transaction(async (tx) => {
    // One filing at a time per customer, so two identical requests at once cannot both pass the check.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
    const open = await tx.privacyRequest.findMany({
      where: { userId: user.id, type: input.type, status: { in: [...OPEN_STATUSES] } },
      select: {
        id: true,
        type: true,
        recipientEmail: true,
        objectionPurpose: true,
        requestedChange: true,
        kycCaseId: true,
      },
    });
    const same = open.find((existing) => subjectOf(existing) === subjectOf(input));
    if (same) throw new DuplicateRequestError(same.id);
    const row = await tx.privacyRequest.create({
      data: {
        userId: user.id,
        type: input.type,
        details: input.details,
        dueAt: dueAtFor(now),
        recipientEmail: input.recipientEmail ?? null,
        objectionPurpose: input.objectionPurpose ?? null,
        requestedChange: (input.requestedChange ?? undefined) as Prisma.InputJsonValue | undefined,
        kycCaseId: input.kycCaseId ?? null,
        createdAt: now,
      },
    });
    await recordStep(tx, { requestId: row.id, actorId: user.id, type: "filed", details: { type: row.type } }, request);
    await recordActivity(user.id, "privacy_request_filed", request, { requestId: row.id, type: row.type }, tx);
    return row;
  });
  await applyAtFiling(created);
  await tellCustomer(user.email, {
    step: "filed",
    type: REQUEST_TYPE_SHORT[created.type],
    dueOn: formatUtcDate(created.dueAt),
    needsIdentity: needsIdentity(created.type),
  });
  return { requestId: created.id };
}
