// An admin changes a user's role (to make KYC reviewers and privacy officers) or restricts an
// account (no buying or withdrawing). Every change is audited; admins cannot demote or restrict
// themselves, so the console never loses its last admin by accident.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

export type AccessChange = { userId: string; role: Role; status: Extract<UserStatus, "active" | "restricted"> };

export async function updateUserAccess(
  admin: { id: string; role: Role },
  change: AccessChange,
  request: RequestInfo,
): Promise<void> {
  if (change.userId === admin.id && (change.role !== admin.role || change.status !== "active")) {
    throw new UserError("You cannot change your own role or restrict yourself. Ask another admin.");
  }
  const before = await db.user.findUnique({ where: { id: change.userId }, select: { role: true, status: true } });
  if (!before || before.status === "closing" || before.status === "closed")
    throw new UserError("That account cannot be changed.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: change.userId }, data: { role: change.role, status: change.status } });
    await recordAudit(
      {
        actorId: admin.id,
        action: "user.access.update",
        targetType: "user",
        targetId: change.userId,
        details: { before, after: { role: change.role, status: change.status } },
      },
      request,
      tx,
    );
  });
}
