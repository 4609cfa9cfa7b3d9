"use server";

// Sets a new password from a reset link; every session of the account is signed out.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { setPassword } from "@/lib/auth/accounts";
import { isEmailTokenUsable, redeemEmailToken } from "@/lib/auth/email-tokens";
import { passwordProblem } from "@/lib/auth/password-policy";
import { db } from "@/lib/db";
import { resetPasswordInput } from "@/lib/validation/auth";

const EXPIRED = "This reset link has expired or was already used. Ask for a new one.";

export const resetPasswordAction = defineAction({ access: "public", input: resetPasswordInput }, async (input, ctx) => {
  // Check the password before using the token up, so a weak choice can be corrected.
  if (!(await isEmailTokenUsable(input.token, "reset_password"))) throw new UserError(EXPIRED);
  const problem = await passwordProblem(input.password);
  if (problem) throw new UserError(problem, { password: [problem] });
  const userId = await redeemEmailToken(input.token, "reset_password");
  if (!userId) throw new UserError(EXPIRED);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  await setPassword(user, input.password, ctx.request, "password_reset");
  redirect("/sign-in?reset=1");
});
