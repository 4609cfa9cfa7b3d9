// The help page's contact form and the support inbox's forms.
import { z } from "zod";
import { SupportTicketStatus } from "@/lib/generated/prisma/enums";

export const contactInput = z.object({
  // Only read when signed out; a signed-in customer's replies go to their account's email.
  email: z
    .string()
    .trim()
    .max(254, "That email is too long.")
    .optional()
    .transform((value) => value?.toLowerCase() || undefined)
    .pipe(z.email("Enter the email we should answer to.").optional()),
  subject: z
    .string({ error: "Give your question a subject." })
    .trim()
    .min(3, "Give your question a subject.")
    .max(150, "Use at most 150 characters."),
  message: z
    .string({ error: "Write your question." })
    .trim()
    .min(10, "Write your question in at least 10 characters.")
    .max(5000, "Use at most 5,000 characters."),
});
export type ContactInput = z.infer<typeof contactInput>;

const ticketId = z.uuid("Unknown ticket.");

export const replyInput = z.object({
  ticketId,
  body: z
    .string({ error: "Write a reply." })
    .trim()
    .min(2, "Write a reply.")
    .max(5000, "Use at most 5,000 characters."),
  // Replying usually leaves the ticket waiting for the customer; "close" ends it too.
  then: z.enum(["answered", "closed"]).catch("answered").default("answered"),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const assignInput = z.object({ ticketId, to: z.enum(["me", "nobody"], { error: "Choose who handles it." }) });
export type AssignInput = z.infer<typeof assignInput>;

export const ticketStatusInput = z.object({
  ticketId,
  status: z.enum(SupportTicketStatus, { error: "Choose a status." }),
});
export type TicketStatusInput = z.infer<typeof ticketStatusInput>;

/** The help page's search box. */
export const helpFilter = z.object({ q: z.string().max(100).optional().catch(undefined) });
