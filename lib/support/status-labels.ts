// The words for a support ticket's state.
import type { SupportTicketStatus } from "@/lib/generated/prisma/enums";

export const TICKET_STATUS_LABELS: Record<SupportTicketStatus, string> = {
  open: "Waiting for us",
  answered: "Answered, waiting for the customer",
  closed: "Closed",
};
