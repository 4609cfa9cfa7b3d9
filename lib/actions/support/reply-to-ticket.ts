"use server";

// Staff answer a support ticket; the reply is emailed to the customer.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { routes } from "@/lib/routes";
import { replyToTicket } from "@/lib/support/tickets";
import { replyInput } from "@/lib/validation/support";

export const replyToTicketAction = defineAction({ access: "support.handle", input: replyInput }, async (input, ctx) => {
  await replyToTicket(ctx.user, input, ctx.request);
  revalidatePath(routes.admin.supportTicket(input.ticketId));
  revalidatePath(routes.admin.support);
  return done(input.then === "closed" ? "Reply sent; the ticket is closed." : "Reply sent.");
});
