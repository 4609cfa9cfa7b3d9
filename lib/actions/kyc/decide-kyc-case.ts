"use server";

// A reviewer approves, rejects or sends back items of a KYC case.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { decideKycCase } from "@/lib/kyc/decide";
import { RESUBMIT_ITEMS, type ResubmitItem } from "@/lib/validation/kyc";

const caseId = z.uuid("Unknown case.");
const message = (what: string) => z.string({ error: `Write ${what}.` }).trim().min(3, `Write ${what}.`).max(1000, "Use at most 1,000 characters.");
const item = z.enum(Object.keys(RESUBMIT_ITEMS) as [ResubmitItem, ...ResubmitItem[]]);

const input = z.discriminatedUnion("decision", [
  z.object({ caseId, decision: z.literal("approve") }),
  z.object({ caseId, decision: z.literal("reject"), message: message("the reason the customer will see") }),
  z.object({
    caseId,
    decision: z.literal("request_resubmission"),
    message: message("what the customer should do"),
    items: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item).min(1, "Choose at least one item to send again.")),
  }),
]);

export const decideKycCaseAction = defineAction({ access: "kyc.review", input }, async ({ caseId: id, ...choice }, ctx) => {
  await decideKycCase(id, ctx.user, choice, ctx.request);
  revalidatePath(`/admin/kyc/${id}`);
  revalidatePath("/admin/kyc");
  return { ok: true as const, data: undefined, message: "Decision saved; the customer has been emailed." };
});
