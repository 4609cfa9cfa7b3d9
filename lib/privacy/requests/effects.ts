// What each request type does to the account, through the export, erasure and consent modules
// (docs/product-rules.md §9): restriction and objection at filing; exports and closure once the
// customer has proved who they are; erasure when the privacy officer completes it.
import "server-only";
import type { PrivacyRequest } from "@/lib/generated/prisma/client";
import { liftRestriction, recordObjection, restrictProcessing } from "@/lib/privacy/consent";
import { closeAccount, eraseAccount } from "@/lib/privacy/erasure";
import { scheduleExport } from "@/lib/privacy/export";

type Request = Pick<PrivacyRequest, "id" | "type" | "userId" | "objectionPurpose">;

/** Restriction and objection stop the processing at once, before anyone looks at the request. */
export async function applyAtFiling(request: Request): Promise<void> {
  if (!request.userId) return;
  if (request.type === "restriction") await restrictProcessing(request.userId, { requestId: request.id });
  if (request.type === "objection" && request.objectionPurpose) {
    await recordObjection(request.userId, request.objectionPurpose, { requestId: request.id });
  }
}

/** After the identity re-proof: exports are built, a closure happens at once. */
export async function applyAfterIdentity(request: Request, now: Date): Promise<"export" | "closed" | "waits"> {
  if (!request.userId) return "waits";
  if (request.type === "access" || request.type === "portability") {
    await scheduleExport(request.id);
    return "export";
  }
  if (request.type === "account_closure") {
    await closeAccount(request.userId, { requestId: request.id, now });
    return "closed";
  }
  return "waits";
}

/** The officer completes an erasure: the account's data is erased or pseudonymised. */
export async function applyOnCompletion(request: Request, actorId: string, now: Date): Promise<void> {
  if (request.type === "erasure" && request.userId) {
    await eraseAccount(request.userId, { requestId: request.id, actorId, now });
  }
}

/** Refusing a restriction lifts it again (an objection stays the customer's recorded choice). */
export async function applyOnRefusal(request: Request, actorId: string): Promise<void> {
  if (request.type === "restriction" && request.userId) {
    await liftRestriction(request.userId, { actorId, requestId: request.id });
  }
}
