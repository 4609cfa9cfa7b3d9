"use server";

// The privacy officer refuses a request, with the reasons and where the customer may complain.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { refuseRequest } from "@/lib/privacy/requests/handle-request";
import { refuseRequestInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const refusePrivacyRequestAction = defineAction(
  { access: "privacy.handle", input: refuseRequestInput },
  async ({ requestId, reason, complaintInfo }, ctx) => {
    await refuseRequest(ctx.user, requestId, { reason, complaintInfo }, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    revalidatePath(routes.admin.privacy);
    return done("Refused; the customer is emailed the reasons and where to complain.");
  },
);
