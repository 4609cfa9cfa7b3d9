"use server";

// Confirms the email address behind a verification link (a button press, so mail scanners
// that open links cannot use the single-use token up).
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { confirmEmail } from "@/lib/auth/accounts";
import { confirmEmailInput } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const confirmEmailAction = defineAction({ access: "public", input: confirmEmailInput }, async (input, ctx) => {
  await confirmEmail(input.token, ctx.request);
  redirect(ctx.user ? routes.dashboard.verified : routes.signInVerified);
});
