"use server";

// Lets an admin change a user's role or restrict an account (audited; never their own).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { updateUserAccess } from "@/lib/users/update-access";
import { userAccessInput } from "@/lib/validation/users";
import { routes } from "@/lib/routes";

export const updateUserAccessAction = defineAction(
  { access: "users.manage", input: userAccessInput },
  async (change, ctx) => {
    await updateUserAccess(ctx.user, change, ctx.request);
    revalidatePath(routes.admin.users);
    revalidatePath(routes.admin.user(change.userId));
    return done("Saved.");
  },
);
