"use server";

// A customer files a privacy request from their privacy centre.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { formatDate } from "@/lib/format/date";
import { fileRequest, requestFromForm } from "@/lib/privacy/requests/file-request";
import { dueAtFor, needsIdentity } from "@/lib/privacy/requests/rules";
import { fileRequestInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

export const filePrivacyRequestAction = defineAction(
  { access: "signed-in", input: fileRequestInput },
  async (input, ctx) => {
    await fileRequest(ctx.user, await requestFromForm(ctx.user.id, input), ctx.request);
    revalidatePath(routes.dashboard.privacy);
    const due = formatDate(dueAtFor(new Date()), ctx.user.timeZone);
    return done(
      needsIdentity(input.type)
        ? `Request filed; we answer by ${due}. Confirm your identity on it below so we can carry it out.`
        : `Request filed; we answer by ${due}.`,
    );
  },
);
