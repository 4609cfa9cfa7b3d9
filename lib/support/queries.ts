// Reads of support tickets for the staff inbox.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SupportTicketStatus } from "@/lib/generated/prisma/enums";
import { instantCursor, keysetPage, seekQuery } from "@/lib/pagination";

/** One page of the inbox, most recent message first; `assigneeId` narrows it to one person's tickets. */
export async function ticketInbox(filter: { status?: SupportTicketStatus; assigneeId?: string }, cursor?: string) {
  const where: Prisma.SupportTicketWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
  };
  return keysetPage({
    cursor,
    codec: instantCursor,
    fetch: (seek) => {
      const page = seekQuery("lastMessageAt", seek, "desc");
      return db.supportTicket.findMany({
        where: { AND: [where, page.where] },
        orderBy: page.orderBy,
        take: page.take,
        select: {
          id: true,
          number: true,
          email: true,
          subject: true,
          status: true,
          lastMessageAt: true,
          userId: true,
          assignee: { select: { email: true } },
        },
      });
    },
    keyOf: (ticket) => ({ key: ticket.lastMessageAt, id: ticket.id }),
  });
}

/** One ticket with its messages, oldest first; null for unknown or malformed ids. */
export async function ticketForStaff(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.supportTicket.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, email: true, status: true } },
      assignee: { select: { id: true, email: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { email: true } } } },
    },
  });
}
