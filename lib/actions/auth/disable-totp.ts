"use server";

// Turns 2FA off; needs a current code from the app (or a recovery code, for a lost phone).
// Every other browser is signed out.
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { currentSessionId } from "@/lib/auth/session";
import { disableTotp } from "@/lib/auth/two-factor";

const input = z.object({
  code: z.string({ error: "Enter a code." }).trim().min(6, "Enter the 6-digit code or a recovery code.").max(14, "That code is too long."),
});

export const disableTotpAction = defineAction({ access: "signed-in", input }, async ({ code }, ctx) => {
  if (!ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already off.");
  await disableTotp(ctx.user, code, ctx.request, await currentSessionId());
  return { ok: true as const, data: undefined, message: "Two-factor authentication is off." };
});
