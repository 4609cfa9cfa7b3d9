"use server";

// The privacy officer sends a portability export to the third party the customer named.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { sendToRecipient } from "@/lib/privacy/requests/handle-request";
import { requestIdInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const sendExportToRecipientAction = defineAction(
  { access: "privacy.handle", input: requestIdInput },
  async ({ requestId }, ctx) => {
    const recipient = await sendToRecipient(ctx.user, requestId);
    revalidatePath(routes.admin.privacyRequest(requestId));
    return done(`The export was sent to ${recipient}.`);
  },
);
