// Account changes shared by several actions.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordChangedMail, verifyEmailMail } from "@/lib/mail/templates";
import { issueEmailToken, voidEmailTokens } from "./email-tokens";
import { hashPassword } from "./password";
import { endOtherSessions } from "./session-version";

export function appLink(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export async function sendVerificationEmail(user: { id: string; email: string }): Promise<void> {
  const token = await issueEmailToken(user.id, "verify_email");
  await sendMail(verifyEmailMail(user.email, appLink(`/verify-email?token=${token}`)));
}

/** Sets a new password, ends every session that predates it and voids outstanding reset links. */
export async function setPassword(
  user: { id: string; email: string },
  password: string,
  request: RequestInfo,
  activity: "password_changed" | "password_reset",
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await voidEmailTokens(user.id, "reset_password", tx);
    await endOtherSessions(user.id, null, tx);
  });
  await recordActivity(user.id, activity, request);
  await sendMail(passwordChangedMail(user.email));
}
