"use server";

// Sends a fresh verification link to the signed-in customer (three an hour).
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { sendVerificationEmail } from "@/lib/auth/accounts";
import { consumeLimit } from "@/lib/auth/rate-limit";

export const resendVerificationAction = defineAction({ access: "signed-in", input: z.object({}) }, async (_input, ctx) => {
  if (ctx.user.emailVerifiedAt) return { ok: true as const, data: undefined, message: "Your email is already confirmed." };
  await consumeLimit("verificationResendPerAccount", ctx.user.id);
  await sendVerificationEmail(ctx.user);
  return { ok: true as const, data: undefined, message: `We sent a new link to ${ctx.user.email}.` };
});
