"use server";

// Turns 2FA off; needs a current code from the app (or a recovery code, for a lost phone).
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { assertNotLimited, recordFailure } from "@/lib/auth/rate-limit";
import { consumeRecoveryCode } from "@/lib/auth/recovery-codes";
import { consumeTotp } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { twoFactorChangedMail } from "@/lib/mail/templates";

const input = z.object({
  code: z.string({ error: "Enter a code." }).trim().min(6, "Enter the 6-digit code or a recovery code.").max(14, "That code is too long."),
});

export const disableTotpAction = defineAction({ access: "signed-in", input }, async ({ code }, ctx) => {
  if (!ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already off.");
  await assertNotLimited("secondFactorFailuresPerAccount", ctx.user.id);
  const accepted = /^\d{6}$/.test(code) ? await consumeTotp(ctx.user.id, code) : await consumeRecoveryCode(ctx.user.id, code);
  if (!accepted) {
    await recordFailure("secondFactorFailuresPerAccount", ctx.user.id);
    throw new UserError("That code is not valid (or was already used).", { code: ["Enter a current code."] });
  }
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId: ctx.user.id } }),
    db.user.update({ where: { id: ctx.user.id }, data: { totpSecretEnc: null, totpKeyId: null, totpEnabledAt: null, totpLastStep: null } }),
  ]);
  await recordActivity(ctx.user.id, "totp_disabled", ctx.request);
  await sendMail(twoFactorChangedMail(ctx.user.email, false));
  return { ok: true as const, data: undefined, message: "Two-factor authentication is off." };
});
