"use client";

import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { changePasswordAction } from "@/lib/actions/auth/change-password";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors(state, "currentPassword")}
      />
      <NewPasswordField
        label="New password"
        name="newPassword"
        errors={fieldErrors(state, "newPassword")}
        userInputs={[email]}
      />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
