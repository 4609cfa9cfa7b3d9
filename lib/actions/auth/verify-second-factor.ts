"use server";

// Finishes signing in with a code from the authenticator app, or a single-use recovery code.
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { assertNotLimited, recordFailure, resetLimit } from "@/lib/auth/rate-limit";
import { consumeRecoveryCode } from "@/lib/auth/recovery-codes";
import { completeSignIn, pendingSecondFactorUser } from "@/lib/auth/sign-in-flow";
import { consumeTotp } from "@/lib/auth/totp";
import { safeCallbackUrl, secondFactorInput } from "@/lib/validation/auth";

export const verifySecondFactorAction = defineAction({ access: "public", input: secondFactorInput }, async (input, ctx) => {
  const userId = await pendingSecondFactorUser();
  if (!userId) throw new UserError("Your sign-in timed out. Enter your email and password again.");
  await assertNotLimited("secondFactorFailuresPerAccount", userId);

  const isTotp = /^\d{6}$/.test(input.code);
  const accepted = isTotp ? await consumeTotp(userId, input.code) : await consumeRecoveryCode(userId, input.code);
  if (!accepted) {
    await recordFailure("secondFactorFailuresPerAccount", userId);
    await recordActivity(userId, "sign_in_failed", ctx.request, { step: "second factor" });
    throw new UserError(
      isTotp ? "That code is not valid (or was already used). Wait for the next one." : "That recovery code is not valid or was already used.",
      { code: ["Check the code and try again."] },
    );
  }
  await resetLimit("secondFactorFailuresPerAccount", userId);
  if (!isTotp) await recordActivity(userId, "recovery_code_used", ctx.request);
  return completeSignIn(userId, ctx.request, safeCallbackUrl(input.callbackUrl), { method: isTotp ? "totp" : "recovery code" });
});
