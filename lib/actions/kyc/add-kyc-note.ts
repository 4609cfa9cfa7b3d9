"use server";

// Adds a reviewer's internal note to a KYC case (never shown to the customer).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { addKycNote } from "@/lib/kyc/decide";
import { kycNoteInput } from "@/lib/validation/kyc";
import { routes } from "@/lib/routes";

export const addKycNoteAction = defineAction(
  { access: "kyc.review", input: kycNoteInput },
  async ({ caseId, body }, ctx) => {
    await addKycNote(caseId, ctx.user, body, ctx.request);
    revalidatePath(routes.admin.kycCase(caseId));
    return done("Note added.");
  },
);
