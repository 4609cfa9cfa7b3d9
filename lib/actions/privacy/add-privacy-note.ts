"use server";

// The privacy officer adds an internal note (staff only) to a request's timeline.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { addNote } from "@/lib/privacy/requests/handle-request";
import { noteInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const addPrivacyNoteAction = defineAction(
  { access: "privacy.handle", input: noteInput },
  async ({ requestId, body }, ctx) => {
    await addNote(ctx.user, requestId, body, ctx.request);
    revalidatePath(routes.admin.privacyRequest(requestId));
    return done("Note added.");
  },
);
