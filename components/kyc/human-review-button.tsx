"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { requestHumanReviewAction } from "@/lib/actions/kyc/request-human-review";

export function HumanReviewButton() {
  const [state, action] = useActionState(requestHumanReviewAction, null);
  return (
    <form action={action} className="mt-3 max-w-xs space-y-2">
      <FormMessage state={state} />
      {state?.ok ? null : (
        <SubmitButton variant="secondary" pendingText="Asking…">
          Ask for a human review
        </SubmitButton>
      )}
    </form>
  );
}
