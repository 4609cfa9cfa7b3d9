"use server";

// Turns 2FA on once the customer's app produces a valid code, and returns ten recovery codes
// (shown once).
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { assertNotLimited, recordFailure } from "@/lib/auth/rate-limit";
import { regenerateRecoveryCodes } from "@/lib/auth/recovery-codes";
import { consumeTotp } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { twoFactorChangedMail } from "@/lib/mail/templates";
import { totpCodeInput } from "@/lib/validation/auth";

export const confirmTotpEnrolmentAction = defineAction(
  { access: "signed-in", input: totpCodeInput },
  async (input, ctx): Promise<{ recoveryCodes: string[] }> => {
    if (ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already on.");
    await assertNotLimited("secondFactorFailuresPerAccount", ctx.user.id);
    if (!(await consumeTotp(ctx.user.id, input.code, { pending: true }))) {
      await recordFailure("secondFactorFailuresPerAccount", ctx.user.id);
      throw new UserError("That code does not match. Check the time on your phone and enter the newest code.", {
        code: ["That code does not match."],
      });
    }
    const recoveryCodes = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: ctx.user.id }, data: { totpEnabledAt: new Date() } });
      return regenerateRecoveryCodes(ctx.user.id, tx);
    });
    await recordActivity(ctx.user.id, "totp_enabled", ctx.request);
    await sendMail(twoFactorChangedMail(ctx.user.email, true));
    return { recoveryCodes };
  },
);
