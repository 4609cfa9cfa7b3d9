"use server";

// Sends a question from the help page to support: signed in, or with an email to answer to.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { routes } from "@/lib/routes";
import { openTicket } from "@/lib/support/tickets";
import { contactInput } from "@/lib/validation/support";

export const openTicketAction = defineAction({ access: "public", input: contactInput }, async (input, ctx) => {
  const ticket = await openTicket(ctx.user ? { id: ctx.user.id, email: ctx.user.email } : null, input, ctx.request);
  revalidatePath(routes.admin.support);
  return {
    ok: true as const,
    data: undefined,
    message: `Thank you — your question is ticket ${ticket}. We will answer by email${ctx.user ? ` at ${ctx.user.email}` : ""}.`,
  };
});
