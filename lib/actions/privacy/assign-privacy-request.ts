"use server";

// The privacy officer assigns a request to themselves or another officer.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { assignRequest } from "@/lib/privacy/requests/handle-request";
import { assignRequestInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const assignPrivacyRequestAction = defineAction(
  { access: "privacy.handle", input: assignRequestInput },
  async ({ requestId, assigneeId }, ctx) => {
    await assignRequest(ctx.user, requestId, assigneeId, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    revalidatePath(routes.admin.privacy);
    return done("Assigned.");
  },
);
