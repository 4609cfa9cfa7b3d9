"use server";

// Sends the customer's identity details and documents for review (or the items a reviewer asked for again).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { submitKyc } from "@/lib/kyc/submit";
import { kycDetailsInput } from "@/lib/validation/kyc";

// Browsers send an empty, nameless File for a file input left blank.
const optionalFile = z.preprocess(
  (value) => (value instanceof File && value.size === 0 && !value.name ? undefined : value),
  z.instanceof(File, { error: "Choose a file." }).optional(),
);
const files = z.object({ id_front: optionalFile, id_back: optionalFile, selfie: optionalFile });
// The form says whether it carries the personal details (a resubmission may ask for files only).
const input = z.discriminatedUnion("includeDetails", [
  kycDetailsInput.extend(files.shape).extend({ includeDetails: z.literal("1") }),
  files.extend({ includeDetails: z.literal("0") }),
]);

export const submitKycAction = defineAction({ access: "signed-in", input }, async (form, ctx) => {
  const { id_front, id_back, selfie } = form;
  const details = form.includeDetails === "1" ? kycDetailsInput.parse(form) : undefined;
  const result = await submitKyc({ userId: ctx.user.id, details, files: { id_front, id_back, selfie } }, ctx.request);
  revalidatePath("/dashboard/kyc");
  return {
    ok: true as const,
    data: undefined,
    message: result.flags.length
      ? "Received. Our automatic check flagged something, so a reviewer will look closely; you can ask for a human review below."
      : "Received. A reviewer will look at your documents, usually within one working day.",
  };
});
