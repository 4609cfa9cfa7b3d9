// Account changes: signing up, confirming the email address, changing and resetting the password.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { UserError } from "@/lib/errors";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { acceptTerms, TERMS_CHANGED_MESSAGE } from "@/lib/privacy/terms/acceptance";
import { alreadyRegisteredMail, passwordChangedMail, verifyEmailMail } from "@/lib/mail/templates";
import type { SignUpInput } from "@/lib/validation/auth";
import { isEmailTokenUsable, issueEmailToken, redeemEmailToken, voidEmailTokens } from "./email-tokens";
import { hashPassword } from "./password";
import { confirmPassword } from "./password-check";
import { passwordProblem } from "./password-policy";
import { consumeLimit } from "./rate-limit";
import { endOtherSessions } from "./session-version";
import { routes } from "@/lib/routes";

export function appLink(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export async function sendVerificationEmail(user: { id: string; email: string }): Promise<void> {
  const token = await issueEmailToken(user.id, "verify_email");
  await sendMail(verifyEmailMail(user.email, appLink(routes.verifyEmail(token))));
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

/**
 * Creates a customer account and emails a link to confirm the address. An email that already
 * has an account gets a note instead, so the answer never tells anyone who is a customer.
 */
export async function signUp(input: SignUpInput, request: RequestInfo): Promise<void> {
  const problem = await passwordProblem(input.password, [input.email, ...input.email.split(/[@.]/)]);
  if (problem) throw new UserError(problem, { password: [problem] });
  // The box accepts the version the form showed; a newer one must be read first.
  if (input.termsVersion !== CURRENT_TERMS.id) {
    throw new UserError(TERMS_CHANGED_MESSAGE, { acceptTerms: [TERMS_CHANGED_MESSAGE] });
  }
  await consumeLimit("signUpPerIp", request.ip ?? "unknown");

  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await sendMail(alreadyRegisteredMail(input.email, appLink(routes.signIn()), appLink(routes.resetPassword())));
    return;
  }
  const marketing = input.marketingOptIn === "on";
  const passwordHash = await hashPassword(input.password);
  const where = { ip: request.ip, userAgent: request.userAgent?.slice(0, 300) ?? null };
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: input.email,
        passwordHash,
        marketingOptIn: marketing,
        timeZone: input.timeZone,
        consents: { create: { purpose: "marketing", granted: marketing, source: "sign_up", ...where } },
      },
      select: { id: true, email: true },
    });
    await acceptTerms(created.id, input.termsVersion, "sign_up", request, tx);
    return created;
  });
  await recordActivity(user.id, "sign_up", request);
  await sendVerificationEmail(user);
}

/** Marks the address behind a verification link as confirmed; the link works once. */
export async function confirmEmail(token: string, request: RequestInfo): Promise<void> {
  const userId = await redeemEmailToken(token, "verify_email");
  if (!userId) throw new UserError("This link has expired or was already used. Sign in and ask for a new one.");
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  await recordActivity(userId, "email_verified", request);
}

/** Changes a signed-in customer's password after checking the current one. */
export async function changePassword(
  user: { id: string; email: string },
  input: { currentPassword: string; newPassword: string },
  request: RequestInfo,
): Promise<void> {
  try {
    await confirmPassword(user, input.currentPassword, request);
  } catch (error) {
    if (error instanceof UserError && error.fieldErrors?.password) {
      throw new UserError("Your current password is not right.", { currentPassword: ["Check your current password."] });
    }
    throw error;
  }
  const problem = await passwordProblem(input.newPassword, [user.email]);
  if (problem) throw new UserError(problem, { newPassword: [problem] });
  await setPassword(user, input.newPassword, request, "password_changed");
}

const RESET_EXPIRED = "This reset link has expired or was already used. Ask for a new one.";

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(token: string, password: string, request: RequestInfo): Promise<void> {
  // Check the password before using the token up, so a weak choice can be corrected.
  if (!(await isEmailTokenUsable(token, "reset_password"))) throw new UserError(RESET_EXPIRED);
  const problem = await passwordProblem(password);
  if (problem) throw new UserError(problem, { password: [problem] });
  const userId = await redeemEmailToken(token, "reset_password");
  if (!userId) throw new UserError(RESET_EXPIRED);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  await setPassword(user, password, request, "password_reset");
}

/** Sends a fresh verification link (three an hour); false when the address is already confirmed. */
export async function resendVerification(user: {
  id: string;
  email: string;
  emailVerifiedAt: Date | null;
}): Promise<boolean> {
  if (user.emailVerifiedAt) return false;
  await consumeLimit("verificationResendPerAccount", user.id);
  await sendVerificationEmail(user);
  return true;
}
