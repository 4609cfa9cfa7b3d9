"use server";

// Sends a fresh verification link to the signed-in customer (three an hour).
import { defineAction } from "@/lib/actions/define-action";
import { resendVerification } from "@/lib/auth/accounts";
import { done } from "@/lib/errors";
import { noInput } from "@/lib/validation/common";

export const resendVerificationAction = defineAction({ access: "signed-in", input: noInput }, async (_input, ctx) => {
  const sent = await resendVerification(ctx.user);
  return done(sent ? `We sent a new link to ${ctx.user.email}.` : "Your email is already confirmed.");
});
