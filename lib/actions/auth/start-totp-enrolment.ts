"use server";

// Starts turning on 2FA: a new secret, shown as a QR code and as text, kept (encrypted) until
// the customer proves their app has it by entering a code.
import QRCode from "qrcode";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { encryptTotpSecret, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { db } from "@/lib/db";

export type TotpEnrolment = { secret: string; qrSvg: string };

export const startTotpEnrolmentAction = defineAction(
  { access: "signed-in", input: z.object({}) },
  async (_input, ctx): Promise<TotpEnrolment> => {
    if (ctx.user.totpEnabledAt) throw new UserError("Two-factor authentication is already on.");
    const secret = newTotpSecret();
    await db.user.update({
      where: { id: ctx.user.id, totpEnabledAt: null },
      data: { ...encryptTotpSecret(ctx.user.id, secret), totpLastStep: null },
    });
    const qrSvg = await QRCode.toString(totpUri(ctx.user.email, secret), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    return { secret, qrSvg };
  },
);
