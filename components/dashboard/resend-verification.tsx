"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { resendVerificationAction } from "@/lib/actions/auth/resend-verification";

export function ResendVerification() {
  const [state, action] = useActionState(resendVerificationAction, null);
  return (
    <form action={action} className="mt-3 max-w-xs space-y-2">
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send a new link
      </SubmitButton>
    </form>
  );
}
