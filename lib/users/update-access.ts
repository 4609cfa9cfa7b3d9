// An admin changes a user's role (to make KYC reviewers and privacy officers) or restricts an
// account (no buying or withdrawing) with a reason the customer reads on their dashboard.
// Every change is audited; admins cannot demote or restrict themselves, so the console never
// loses its last admin by accident.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { accountRestrictionMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send-mail";
import type { UserAccessInput } from "@/lib/validation/users";

export type AccessChange = Omit<UserAccessInput, "reason"> & { reason?: string };

export async function updateUserAccess(
  admin: { id: string; role: Role },
  change: AccessChange,
  request: RequestInfo,
): Promise<void> {
  if (change.userId === admin.id && (change.role !== admin.role || change.status !== "active")) {
    throw new UserError("You cannot change your own role or restrict yourself. Ask another admin.");
  }
  const reason = change.status === "restricted" ? (change.reason ?? null) : null;
  const before = await db.user.findUnique({
    where: { id: change.userId },
    select: { email: true, role: true, status: true, restrictionReason: true },
  });
  if (!before || before.status === "closing" || before.status === "closed")
    throw new UserError("That account cannot be changed.");
  const changed = await db.$transaction(async (tx) => {
    // The state guard repeats in the where: an account closed meanwhile is left alone.
    const updated = await tx.user.updateMany({
      where: { id: change.userId, status: { in: ["active", "restricted"] } },
      data: { role: change.role, status: change.status, restrictionReason: reason },
    });
    if (updated.count === 0) throw new UserError("That account cannot be changed.");
    if (before.role === change.role && before.status === change.status && (before.restrictionReason ?? null) === reason)
      return false;
    await recordAudit(
      {
        actorId: admin.id,
        action: "user.access.update",
        targetType: "user",
        targetId: change.userId,
        details: {
          before: { role: before.role, status: before.status, reason: before.restrictionReason },
          after: { role: change.role, status: change.status, reason },
        },
      },
      request,
      tx,
    );
    return true;
  });
  if (changed && before.status !== change.status) {
    await sendMail(accountRestrictionMail(before.email, reason));
  }
}
