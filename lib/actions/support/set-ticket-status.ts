"use server";

// Staff close or reopen a support ticket.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { routes } from "@/lib/routes";
import { setTicketStatus } from "@/lib/support/tickets";
import { ticketStatusInput } from "@/lib/validation/support";

export const setTicketStatusAction = defineAction(
  { access: "support.handle", input: ticketStatusInput },
  async (input, ctx) => {
    await setTicketStatus(ctx.user, input, ctx.request);
    revalidatePath(routes.admin.supportTicket(input.ticketId));
    revalidatePath(routes.admin.support);
    return done("Status saved.");
  },
);
