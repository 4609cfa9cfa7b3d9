"use client";

import { useActionState } from "react";
import { CodeField } from "@/components/forms/code-field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { verifySecondFactorAction } from "@/lib/actions/auth/verify-second-factor";

export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(verifySecondFactorAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <CodeField
        label="Authentication code"
        autoFocus
        required
        maxLength={14}
        errors={fieldErrors(state, "code")}
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
      />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton pendingText="Checking…">Verify</SubmitButton>
    </form>
  );
}
