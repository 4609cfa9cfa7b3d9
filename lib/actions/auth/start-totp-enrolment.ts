"use server";

// Starts turning on 2FA: a new secret, shown as a QR code and as text, kept (encrypted) until
// the customer proves their app has it by entering a code.
import { defineAction } from "@/lib/actions/define-action";
import { startTotpEnrolment, type TotpEnrolment } from "@/lib/auth/two-factor";
import { noInput } from "@/lib/validation/common";

export type { TotpEnrolment };

export const startTotpEnrolmentAction = defineAction(
  { access: "signed-in", input: noInput },
  async (_input, ctx): Promise<TotpEnrolment> => startTotpEnrolment(ctx.user),
);
