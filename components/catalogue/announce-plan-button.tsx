"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { announcePlanAction } from "@/lib/actions/catalogue/announce-plan";

// Sends the new-plan email to customers who chose marketing email; each plan is announced once.
export function AnnouncePlanButton({ id }: { id: string }) {
  const [state, action] = useActionState(announcePlanAction, null);
  return (
    <form action={action} className="max-w-xs space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      {state?.ok ? null : (
        <SubmitButton variant="secondary" pendingText="Sending…">
          Email subscribers
        </SubmitButton>
      )}
    </form>
  );
}
