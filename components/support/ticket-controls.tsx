"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { assignTicketAction } from "@/lib/actions/support/assign-ticket";
import { setTicketStatusAction } from "@/lib/actions/support/set-ticket-status";

// Take a ticket (or give it back) and close (or reopen) it.
export function TicketControls({ ticketId, mine, closed }: { ticketId: string; mine: boolean; closed: boolean }) {
  const [assigned, assign] = useActionState(assignTicketAction, null);
  const [statused, setStatus] = useActionState(setTicketStatusAction, null);
  return (
    <div className="space-y-2">
      <FormMessage state={assigned ?? statused} />
      <div className="flex flex-wrap gap-2">
        <form action={assign}>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="to" value={mine ? "nobody" : "me"} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            {mine ? "Give back to the queue" : "Assign to me"}
          </SubmitButton>
        </form>
        <form action={setStatus}>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="status" value={closed ? "open" : "closed"} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            {closed ? "Reopen" : "Close without reply"}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
