"use server";

// Changes the signed-in customer's password; other sessions end, this one carries on.
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { setPassword } from "@/lib/auth/accounts";
import { passwordProblem } from "@/lib/auth/password-policy";
import { confirmPassword } from "@/lib/auth/password-check";
import { completeSignIn } from "@/lib/auth/sign-in-flow";
import { changePasswordInput } from "@/lib/validation/auth";

export const changePasswordAction = defineAction({ access: "signed-in", input: changePasswordInput }, async (input, ctx) => {
  try {
    await confirmPassword(ctx.user, input.currentPassword, ctx.request);
  } catch (error) {
    if (error instanceof UserError && error.fieldErrors?.password) {
      throw new UserError("Your current password is not right.", { currentPassword: ["Check your current password."] });
    }
    throw error;
  }
  const problem = await passwordProblem(input.newPassword, [ctx.user.email]);
  if (problem) throw new UserError(problem, { newPassword: [problem] });
  await setPassword(ctx.user, input.newPassword, ctx.request, "password_changed");
  return completeSignIn(ctx.user.id, ctx.request, "/dashboard/security?changed=password", { reason: "password change" });
});
