"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { replyToTicketAction } from "@/lib/actions/support/reply-to-ticket";

// Staff's reply to a ticket, emailed to the customer.
export function ReplyForm({ ticketId, email }: { ticketId: string; email: string }) {
  const [state, action] = useActionState(replyToTicketAction, null);
  return (
    <ActionForm action={action} className="space-y-3" noValidate key={state?.ok ? "sent" : "draft"}>
      <FormMessage state={state} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextAreaField
        label={`Reply (emailed to ${email})`}
        name="body"
        rows={6}
        maxLength={5000}
        errors={fieldErrors(state, "body")}
      />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">After sending</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="then" value="answered" defaultChecked /> Wait for the customer
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="then" value="closed" /> Close the ticket
        </label>
      </fieldset>
      <div className="w-40">
        <SubmitButton pendingText="Sending…">Send reply</SubmitButton>
      </div>
    </ActionForm>
  );
}
