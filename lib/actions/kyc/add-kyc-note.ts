"use server";

// Adds a reviewer's internal note to a KYC case (never shown to the customer).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { addKycNote } from "@/lib/kyc/decide";

const input = z.object({
  caseId: z.uuid("Unknown case."),
  body: z.string({ error: "Write a note." }).trim().min(1, "Write a note.").max(2000, "Use at most 2,000 characters."),
});

export const addKycNoteAction = defineAction({ access: "kyc.review", input }, async ({ caseId, body }, ctx) => {
  await addKycNote(caseId, ctx.user, body, ctx.request);
  revalidatePath(`/admin/kyc/${caseId}`);
  return { ok: true as const, data: undefined, message: "Note added." };
});
