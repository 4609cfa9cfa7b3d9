"use server";

// Sets a new password from a reset link; every session of the account is signed out.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { resetPassword } from "@/lib/auth/accounts";
import { resetPasswordInput } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const resetPasswordAction = defineAction({ access: "public", input: resetPasswordInput }, async (input, ctx) => {
  await resetPassword(input.token, input.password, ctx.request);
  redirect(routes.signInAfterReset);
});
