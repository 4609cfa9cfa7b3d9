"use server";

// The privacy officer completes a request with the answer to the customer (an erasure is carried out).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { completeRequest } from "@/lib/privacy/requests/handle-request";
import { completeRequestInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const completePrivacyRequestAction = defineAction(
  { access: "privacy.handle", input: completeRequestInput },
  async ({ requestId, response }, ctx) => {
    await completeRequest(ctx.user, requestId, response, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    revalidatePath(routes.admin.privacy);
    return done("Completed; the customer is emailed your answer.");
  },
);
