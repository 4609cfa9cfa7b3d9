"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CodeField } from "@/components/forms/code-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { verifyPrivacyIdentityAction } from "@/lib/actions/privacy/verify-privacy-identity";

// Re-proving who you are before an export is released or an account is closed or erased.
export function IdentityForm({ requestId, twoFactor }: { requestId: string; twoFactor: boolean }) {
  const [state, action] = useActionState(verifyPrivacyIdentityAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  const id = requestId.slice(0, 8);
  return (
    <ActionForm action={action} className="mt-3 space-y-3 rounded-lg bg-chip p-3" noValidate>
      <p className="text-sm font-medium">Confirm it is you to go ahead</p>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`password-${id}`}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          errors={fieldErrors(state, "password")}
        />
        {twoFactor ? (
          <CodeField id={`code-${id}`} label="Authentication code" errors={fieldErrors(state, "code")} />
        ) : null}
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingText="Checking…">Confirm identity</SubmitButton>
      </div>
    </ActionForm>
  );
}
