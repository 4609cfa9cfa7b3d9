// Asking for a password-reset link by email. The request only queues a job carrying the email
// address, the same single insert whether or not it has an account, so neither the answer nor
// its timing tells who is a customer. The job issues the link and sends it.
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
import { resetPasswordMail } from "@/lib/mail/templates";
import { appLink } from "./accounts";
import { issueEmailToken } from "./email-tokens";
import { consumeLimit } from "./rate-limit";
import { maySignIn } from "./session-version";
import { routes } from "@/lib/routes";

export async function requestPasswordReset(email: string, request: RequestInfo): Promise<void> {
  await consumeLimit("passwordResetPerIp", request.ip ?? "unknown");
  await consumeLimit("passwordResetPerEmail", email);
  await enqueue("send-password-reset", { email });
}

/** The job's work: a fresh single-use link for an account that may reset its password; nothing otherwise. */
export async function sendPasswordResetMail(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, status: true } });
  if (!user || !maySignIn(user.status)) return; // a closing or closed account cannot sign in again
  const token = await issueEmailToken(user.id, "reset_password");
  await sendMail(resetPasswordMail(user.email, appLink(routes.resetPassword(token))));
}
