"use server";

// Emails a single-use password-reset link (valid one hour). Same answer for unknown emails.
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestResetInput } from "@/lib/validation/auth";

export const requestPasswordResetAction = defineAction(
  { access: "public", input: requestResetInput },
  async (input, ctx) => {
    await requestPasswordReset(input.email, ctx.request);
    return done(`If ${input.email} has an account, a reset link is on its way. It works once, for one hour.`);
  },
);
