"use server";

// Staff take a support ticket, or give it back to the queue.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { routes } from "@/lib/routes";
import { assignTicket } from "@/lib/support/tickets";
import { assignInput } from "@/lib/validation/support";

export const assignTicketAction = defineAction({ access: "support.handle", input: assignInput }, async (input, ctx) => {
  await assignTicket(ctx.user, input, ctx.request);
  revalidatePath(routes.admin.supportTicket(input.ticketId));
  return done(input.to === "me" ? "The ticket is yours." : "The ticket is back in the queue.");
});
