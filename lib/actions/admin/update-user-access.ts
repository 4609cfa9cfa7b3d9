"use server";

// Lets an admin change a user's role (to make KYC reviewers and privacy officers) or restrict
// an account (no buying or withdrawing). Every change is audited; admins cannot demote or
// restrict themselves, so the console never loses its last admin by accident.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";

const input = z.object({
  userId: z.uuid("Unknown user."),
  role: z.enum(["customer", "kyc_reviewer", "privacy_officer", "admin"], { error: "Choose a role." }),
  status: z.enum(["active", "restricted"], { error: "Choose active or restricted." }),
});

export const updateUserAccessAction = defineAction({ access: "users.manage", input }, async (change, ctx) => {
  if (change.userId === ctx.user.id && (change.role !== ctx.user.role || change.status !== "active")) {
    throw new UserError("You cannot change your own role or restrict yourself. Ask another admin.");
  }
  const before = await db.user.findUnique({ where: { id: change.userId }, select: { role: true, status: true } });
  if (!before || before.status === "closing" || before.status === "closed") throw new UserError("That account cannot be changed.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: change.userId }, data: { role: change.role, status: change.status } });
    await recordAudit(
      { actorId: ctx.user.id, action: "user.access.update", targetType: "user", targetId: change.userId, details: { before, after: { role: change.role, status: change.status } } },
      ctx.request,
      tx,
    );
  });
  revalidatePath("/admin/users");
  return { ok: true as const, data: undefined, message: "Saved." };
});
