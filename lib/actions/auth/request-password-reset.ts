"use server";

// Emails a single-use password-reset link (valid one hour). Same answer for unknown emails.
import { defineAction } from "@/lib/actions/client";
import { appLink } from "@/lib/auth/accounts";
import { issueEmailToken } from "@/lib/auth/email-tokens";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { resetPasswordMail } from "@/lib/mail/templates";
import { requestResetInput } from "@/lib/validation/auth";

export const requestPasswordResetAction = defineAction({ access: "public", input: requestResetInput }, async (input, ctx) => {
  await consumeLimit("passwordResetPerIp", ctx.request.ip ?? "unknown");
  await consumeLimit("passwordResetPerEmail", input.email);
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, status: true } });
  if (user && user.status !== "closed") {
    const token = await issueEmailToken(user.id, "reset_password");
    await sendMail(resetPasswordMail(user.email, appLink(`/reset-password?token=${token}`)));
  }
  return {
    ok: true as const,
    data: undefined,
    message: `If ${input.email} has an account, a reset link is on its way. It works once, for one hour.`,
  };
});
