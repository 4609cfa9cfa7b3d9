"use server";

// A reviewer approves, rejects or sends back items of a KYC case.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { decideKycCase } from "@/lib/kyc/decide";
import { kycDecisionInput } from "@/lib/validation/kyc";
import { routes } from "@/lib/routes";

export const decideKycCaseAction = defineAction(
  { access: "kyc.review", input: kycDecisionInput },
  async ({ caseId: id, ...choice }, ctx) => {
    await decideKycCase(id, ctx.user, choice, ctx.request);
    revalidatePath(routes.admin.kycCase(id));
    revalidatePath(routes.admin.kyc);
    return done("Decision saved; the customer has been emailed.");
  },
);
