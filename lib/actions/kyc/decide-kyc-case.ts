"use server";

// A reviewer approves, rejects or sends back items of a KYC case.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { decideKycCase } from "@/lib/kyc/decide";
import { kycDecisionInput } from "@/lib/validation/kyc";

export const decideKycCaseAction = defineAction(
  { access: "kyc.review", input: kycDecisionInput },
  async ({ caseId: id, ...choice }, ctx) => {
    await decideKycCase(id, ctx.user, choice, ctx.request);
    revalidatePath(`/admin/kyc/${id}`);
    revalidatePath("/admin/kyc");
    return done("Decision saved; the customer has been emailed.");
  },
);
