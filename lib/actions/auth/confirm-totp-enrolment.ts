"use server";

// Turns 2FA on once the customer's app produces a valid code, and returns ten recovery codes
// (shown once).
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { enableTotp } from "@/lib/auth/two-factor";
import { totpCodeInput } from "@/lib/validation/auth";

export const confirmTotpEnrolmentAction = defineAction(
  { access: "signed-in", input: totpCodeInput },
  async (input, ctx): Promise<{ recoveryCodes: string[] }> => {
    if (ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already on.");
    return { recoveryCodes: await enableTotp(ctx.user, input.code, ctx.request) };
  },
);
