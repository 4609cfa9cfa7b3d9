// Asking for a password-reset link by email. The answer is the same for unknown emails.
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { resetPasswordMail } from "@/lib/mail/templates";
import { appLink } from "./accounts";
import { issueEmailToken } from "./email-tokens";
import { consumeLimit } from "./rate-limit";

export async function requestPasswordReset(email: string, request: RequestInfo): Promise<void> {
  await consumeLimit("passwordResetPerIp", request.ip ?? "unknown");
  await consumeLimit("passwordResetPerEmail", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, status: true } });
  if (user && user.status !== "closed") {
    const token = await issueEmailToken(user.id, "reset_password");
    await sendMail(resetPasswordMail(user.email, appLink(`/reset-password?token=${token}`)));
  }
}
