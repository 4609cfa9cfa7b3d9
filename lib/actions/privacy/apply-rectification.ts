"use server";

// The privacy officer applies a rectification request's change in one click (and completes it).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { applyRectification } from "@/lib/privacy/requests/handle-request";
import { requestIdInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const applyRectificationAction = defineAction(
  { access: "privacy.handle", input: requestIdInput },
  async ({ requestId }, ctx) => {
    const fields = await applyRectification(ctx.user, requestId, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    revalidatePath(routes.admin.privacy);
    return done(`Corrected: ${fields.join(", ")}. The request is complete and the customer is emailed.`);
  },
);
