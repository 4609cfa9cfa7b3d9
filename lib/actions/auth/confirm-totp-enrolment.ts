"use server";

// Turns 2FA on once the customer confirms their password and their app produces a valid code;
// signs out every other browser and returns ten recovery codes (shown once).
import { defineAction } from "@/lib/actions/define-action";
import { UserError } from "@/lib/errors";
import { currentSessionId } from "@/lib/auth/session";
import { enableTotp } from "@/lib/auth/two-factor";
import { enableTotpInput } from "@/lib/validation/auth";

export const confirmTotpEnrolmentAction = defineAction(
  { access: "signed-in", input: enableTotpInput },
  async (input, ctx): Promise<{ recoveryCodes: string[] }> => {
    if (ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already on.");
    return { recoveryCodes: await enableTotp(ctx.user, input, ctx.request, await currentSessionId()) };
  },
);
