"use server";

// Turns 2FA off; needs a current code from the app (or a recovery code, for a lost phone).
// Every other browser is signed out.
import { defineAction } from "@/lib/actions/define-action";
import { done, UserError } from "@/lib/errors";
import { currentSessionId } from "@/lib/auth/session";
import { disableTotp } from "@/lib/auth/two-factor";
import { disableTotpInput } from "@/lib/validation/auth";

export const disableTotpAction = defineAction(
  { access: "signed-in", input: disableTotpInput },
  async ({ code }, ctx) => {
    if (!ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already off.");
    await disableTotp(ctx.user, code, ctx.request, await currentSessionId());
    return done("Two-factor authentication is off.");
  },
);
