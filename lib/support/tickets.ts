// Support tickets: a question from the help page's contact form opens one; staff assign it,
// reply (the reply is emailed to the customer and kept in the outbox) and close it. Every staff
// step is audited; a signed-in customer's ticket is on their activity log too.
import "server-only";
import { recordActivity, recordAudit, type RequestInfo } from "@/lib/activity/record";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { SupportTicketStatus } from "@/lib/generated/prisma/enums";
import { supportReplyMail, supportTicketReceivedMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send-mail";
import type { AssignInput, ContactInput, ReplyInput, TicketStatusInput } from "@/lib/validation/support";

type Staff = { id: string };

/** Opens a ticket; returns its number. Signed-in customers are answered at their account's email. */
export async function openTicket(
  customer: { id: string; email: string } | null,
  input: ContactInput,
  request: RequestInfo,
): Promise<number> {
  const email = customer?.email ?? input.email;
  if (!email)
    throw new UserError("Enter the email we should answer to.", { email: ["Enter the email we should answer to."] });
  await consumeLimit("supportTicketPerIp", request.ip ?? "unknown");
  await consumeLimit("supportTicketPerEmail", email);
  const ticket = await db.$transaction(async (tx) => {
    const created = await tx.supportTicket.create({
      data: {
        userId: customer?.id ?? null,
        email,
        subject: input.subject,
        messages: { create: { body: input.message, fromStaff: false } },
      },
      select: { id: true, number: true },
    });
    if (customer) await recordActivity(customer.id, "support_ticket_opened", request, { ticket: created.number }, tx);
    return created;
  });
  await sendMail(supportTicketReceivedMail(email, ticket.number, input.subject));
  return ticket.number;
}

async function ticketOrThrow(ticketId: string) {
  const ticket = await db.supportTicket.findUnique({
    where: { id: ticketId },
    select: { id: true, number: true, email: true, subject: true, status: true, assigneeId: true },
  });
  if (!ticket) throw new UserError("That ticket does not exist.");
  return ticket;
}

/** Staff reply: kept on the ticket, emailed to the customer, audited. */
export async function replyToTicket(staff: Staff, input: ReplyInput, request: RequestInfo): Promise<void> {
  const ticket = await ticketOrThrow(input.ticketId);
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.supportMessage.create({
      data: { ticketId: ticket.id, authorId: staff.id, fromStaff: true, body: input.body, createdAt: now },
    });
    await tx.supportTicket.update({
      where: { id: ticket.id },
      // Whoever answers an unassigned ticket takes it.
      data: { status: input.then, lastMessageAt: now, assigneeId: ticket.assigneeId ?? staff.id },
    });
    await recordAudit(
      {
        actorId: staff.id,
        action: "support.reply",
        targetType: "support_ticket",
        targetId: ticket.id,
        details: { ticket: ticket.number, status: input.then, characters: input.body.length },
      },
      request,
      tx,
    );
  });
  await sendMail(supportReplyMail(ticket.email, ticket.number, ticket.subject, input.body, input.then === "closed"));
}

/** Takes a ticket, or gives it back to the queue. */
export async function assignTicket(staff: Staff, input: AssignInput, request: RequestInfo): Promise<void> {
  const ticket = await ticketOrThrow(input.ticketId);
  const assigneeId = input.to === "me" ? staff.id : null;
  if (ticket.assigneeId === assigneeId) return;
  await db.$transaction(async (tx) => {
    await tx.supportTicket.update({ where: { id: ticket.id }, data: { assigneeId } });
    await recordAudit(
      {
        actorId: staff.id,
        action: "support.assign",
        targetType: "support_ticket",
        targetId: ticket.id,
        details: { ticket: ticket.number, from: ticket.assigneeId, to: assigneeId },
      },
      request,
      tx,
    );
  });
}

/** Closes or reopens a ticket without a reply. */
export async function setTicketStatus(staff: Staff, input: TicketStatusInput, request: RequestInfo): Promise<void> {
  const ticket = await ticketOrThrow(input.ticketId);
  if (ticket.status === input.status) return;
  await db.$transaction(async (tx) => {
    await tx.supportTicket.update({ where: { id: ticket.id }, data: { status: input.status as SupportTicketStatus } });
    await recordAudit(
      {
        actorId: staff.id,
        action: "support.status",
        targetType: "support_ticket",
        targetId: ticket.id,
        details: { ticket: ticket.number, from: ticket.status, to: input.status },
      },
      request,
      tx,
    );
  });
}
