"use server";

// The privacy officer extends a request's deadline (once, within its first 30 days, with a reason).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format/date";
import { extendRequest } from "@/lib/privacy/requests/handle-request";
import { extendRequestInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const extendPrivacyRequestAction = defineAction(
  { access: "privacy.handle", input: extendRequestInput },
  async ({ requestId, months, reason }, ctx) => {
    const dueAt = await extendRequest(ctx.user, requestId, { months, reason }, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    revalidatePath(routes.admin.privacy);
    return done(`Extended: now due ${formatUtcDate(dueAt)}. The customer is emailed the reason.`);
  },
);
