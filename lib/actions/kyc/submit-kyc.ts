// Sends the customer's identity details and documents for review (or the items a reviewer asked
// for again). Not a server action: its body is large, so app/api/kyc/submission reads it with
// a limit and calls this.
import "server-only";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { submitKyc } from "@/lib/kyc/submit";
import { kycDetailsInput, kycSubmissionInput } from "@/lib/validation/kyc";
import { routes } from "@/lib/routes";

export const submitKycAction = defineAction({ access: "signed-in", input: kycSubmissionInput }, async (form, ctx) => {
  const { id_front, id_back, selfie } = form;
  const details = form.includeDetails === "1" ? kycDetailsInput.parse(form) : undefined;
  const result = await submitKyc({ userId: ctx.user.id, details, files: { id_front, id_back, selfie } }, ctx.request);
  revalidatePath(routes.dashboard.kyc);
  return done(
    result.flags.length
      ? "Received. Our automatic check flagged something, so a reviewer will look closely; you can ask for a human review below."
      : "Received. A reviewer will look at your documents, usually within one working day.",
  );
});
