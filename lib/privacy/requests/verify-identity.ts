// The customer proves who they are again before an export is released or an account is closed
// or erased: their password, and a fresh TOTP code when two-factor authentication is on (never
// accepted twice; failures count against the same limits as signing in).
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { confirmPassword } from "@/lib/auth/password-check";
import { confirmWithTotp } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { applyAfterIdentity } from "./effects";
import { finishRequest } from "./finish-request";
import { needsIdentity, OPEN_STATUSES } from "./rules";
import { recordStep, tellCustomer } from "./timeline";

export async function verifyIdentity(
  user: { id: string; email: string; totpEnabledAt: Date | null },
  requestId: string,
  proof: { password: string; code?: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<"export" | "closed" | "waits"> {
  const found = await db.privacyRequest.findFirst({ where: { id: requestId, userId: user.id } });
  if (!found) throw new UserError("That request does not exist.");
  if (!needsIdentity(found.type)) throw new UserError("This request does not need you to confirm your identity.");
  if (found.identityVerifiedAt) throw new UserError("You already confirmed your identity for this request.");
  if (!OPEN_STATUSES.includes(found.status)) throw new UserError("This request is already closed.");
  if (user.totpEnabledAt && !proof.code) {
    throw new UserError("Enter the code from your authenticator app.", {
      code: ["Enter the 6-digit code from your authenticator app."],
    });
  }

  await confirmPassword(user, proof.password, request);
  if (user.totpEnabledAt) await confirmWithTotp(user, proof.code!, request, "privacy request");

  const verified = await db.$transaction(async (tx) => {
    const { count } = await tx.privacyRequest.updateMany({
      where: { id: requestId, userId: user.id, identityVerifiedAt: null, status: { in: [...OPEN_STATUSES] } },
      data: {
        identityVerifiedAt: now,
        status: found.status === "received" ? "in_progress" : found.status,
      },
    });
    if (count !== 1) return false;
    await recordStep(tx, { requestId, actorId: user.id, type: "verified" }, request);
    await recordActivity(user.id, "privacy_identity_confirmed", request, { requestId }, tx);
    return true;
  });
  if (!verified) throw new UserError("You already confirmed your identity for this request.");

  // A later instant than the re-proof itself, so the timeline reads in order.
  const effect = await applyAfterIdentity(found, new Date(Math.max(Date.now(), now.getTime() + 1)));
  if (effect === "closed") {
    await finishRequest(
      requestId,
      null,
      {
        response:
          "Your account is closed: signing in no longer works. What the law requires us to keep is kept, pseudonymised; everything else is deleted within 30 days.",
      },
      request,
      now,
    );
  } else {
    await tellCustomer(user.email, { step: "verified", type: REQUEST_TYPE_SHORT[found.type] });
    if (effect === "export") {
      await db.privacyRequestEvent.create({
        data: { requestId, actorId: null, type: "export_requested", note: null, internal: false },
      });
    }
  }
  return effect;
}
