// Two-factor checks and changes: the second sign-in step, turning TOTP on and turning it off.
// Turning it on needs the password again; either change ends every other session of the
// account (the browser making it, `keepSession`, stays signed in).
// Every code check first takes a point from the account's second-factor limit (five failures in
// five minutes) and gives it back when the code is right, so parallel guesses cannot outrun it.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { twoFactorChangedMail } from "@/lib/mail/templates";
import { givePointsBack, takePoints, type LimitKey } from "./rate-limit";
import { confirmPassword } from "./password-check";
import { consumeRecoveryCode, regenerateRecoveryCodes } from "./recovery-codes";
import { endOtherSessions } from "./session-version";
import QRCode from "qrcode";
import { consumeTotp, encryptTotpSecret, newTotpSecret, totpUri } from "./totp";

const limitOf = (userId: string): LimitKey[] => [["secondFactorFailuresPerAccount", userId]];

/** The second step of signing in: a TOTP code or a recovery code. Returns which one was used. */
export async function verifySignInSecondFactor(
  userId: string,
  code: string,
  request: RequestInfo,
): Promise<"totp" | "recovery code"> {
  await takePoints(limitOf(userId));
  const isTotp = /^\d{6}$/.test(code);
  const accepted = isTotp ? await consumeTotp(userId, code) : await consumeRecoveryCode(userId, code);
  if (!accepted) {
    await recordActivity(userId, "sign_in_failed", request, { step: "second factor" });
    throw new UserError(
      isTotp
        ? "That code is not valid (or was already used). Wait for the next one."
        : "That recovery code is not valid or was already used.",
      { code: ["Check the code and try again."] },
    );
  }
  await givePointsBack(limitOf(userId));
  if (!isTotp) await recordActivity(userId, "recovery_code_used", request);
  return isTotp ? "totp" : "recovery code";
}

/** Turns 2FA on once the app produces a valid code; returns ten recovery codes (shown once). */
export async function enableTotp(
  user: { id: string; email: string },
  { password, code }: { password: string; code: string },
  request: RequestInfo,
  keepSession: string | null,
): Promise<string[]> {
  await confirmPassword(user, password, request);
  await takePoints(limitOf(user.id));
  if (!(await consumeTotp(user.id, code, { pending: true }))) {
    await recordActivity(user.id, "second_factor_failed", request, { step: "turn on" });
    throw new UserError("That code does not match. Check the time on your phone and enter the newest code.", {
      code: ["That code does not match."],
    });
  }
  await givePointsBack(limitOf(user.id));
  const recoveryCodes = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await endOtherSessions(user.id, keepSession, tx);
    return regenerateRecoveryCodes(user.id, tx);
  });
  await recordActivity(user.id, "totp_enabled", request);
  await sendMail(twoFactorChangedMail(user.email, true));
  return recoveryCodes;
}

/** Turns 2FA off; needs a current code from the app or a recovery code (for a lost phone). */
export async function disableTotp(
  user: { id: string; email: string },
  code: string,
  request: RequestInfo,
  keepSession: string | null,
): Promise<void> {
  await takePoints(limitOf(user.id));
  const accepted = /^\d{6}$/.test(code) ? await consumeTotp(user.id, code) : await consumeRecoveryCode(user.id, code);
  if (!accepted) {
    await recordActivity(user.id, "second_factor_failed", request, { step: "turn off" });
    throw new UserError("That code is not valid (or was already used).", { code: ["Enter a current code."] });
  }
  await givePointsBack(limitOf(user.id));
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecretEnc: null, totpKeyId: null, totpEnabledAt: null, totpLastStep: null },
    });
    await endOtherSessions(user.id, keepSession, tx);
  });
  await recordActivity(user.id, "totp_disabled", request);
  await sendMail(twoFactorChangedMail(user.email, false));
}

export type TotpEnrolment = { secret: string; qrSvg: string };

/**
 * Starts turning on 2FA: a new secret, kept (encrypted) until the customer proves their app has
 * it by entering a code, returned as text and as a QR code.
 */
export async function startTotpEnrolment(user: {
  id: string;
  email: string;
  totpEnabledAt: Date | null;
}): Promise<TotpEnrolment> {
  if (user.totpEnabledAt) throw new UserError("Two-factor authentication is already on.");
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: user.id, totpEnabledAt: null },
    data: { ...encryptTotpSecret(user.id, secret), totpLastStep: null },
  });
  const qrSvg = await QRCode.toString(totpUri(user.email, secret), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return { secret, qrSvg };
}

/**
 * Confirms a sensitive step (a payout address, a withdrawal) with a fresh TOTP code from the
 * authenticator app: 2FA must be on, the code is never accepted twice, and failures count against
 * the same second-factor limit as sign-in.
 */
export async function confirmWithTotp(
  user: { id: string; totpEnabledAt: Date | null },
  code: string,
  request: RequestInfo,
  step: string,
): Promise<void> {
  if (!user.totpEnabledAt) {
    throw new UserError("Turn on two-factor authentication (Security, in your dashboard) first.");
  }
  await takePoints(limitOf(user.id));
  if (!(await consumeTotp(user.id, code))) {
    await recordActivity(user.id, "second_factor_failed", request, { step });
    throw new UserError("That code is not valid (or was already used). Wait for the next one.", {
      code: ["Enter the current code from your authenticator app."],
    });
  }
  await givePointsBack(limitOf(user.id));
}
