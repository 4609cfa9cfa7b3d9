"use server";

// Changes the signed-in customer's password; other sessions end, this one carries on.
import { defineAction } from "@/lib/actions/define-action";
import { changePassword } from "@/lib/auth/accounts";
import { completeSignIn } from "@/lib/auth/sign-in-flow";
import { changePasswordInput } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const changePasswordAction = defineAction(
  { access: "signed-in", input: changePasswordInput },
  async (input, ctx) => {
    await changePassword(ctx.user, input, ctx.request);
    return completeSignIn(ctx.user.id, ctx.request, routes.dashboard.passwordChanged, {
      reason: "password change",
    });
  },
);
