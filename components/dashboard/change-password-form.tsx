"use client";

import { useActionState, useState } from "react";
import { PasswordStrengthMeter } from "@/components/auth/password-strength";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { changePasswordAction } from "@/lib/actions/auth/change-password";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, null);
  const [password, setPassword] = useState("");
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={fieldErrors(state, "currentPassword")} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={fieldErrors(state, "newPassword")}
      >
        <PasswordStrengthMeter password={password} userInputs={[email]} />
      </Field>
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
