"use client";

import { useActionState, useState } from "react";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { requestPasswordResetAction } from "@/lib/actions/auth/request-password-reset";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password";
import { NewPasswordField } from "./new-password-field";
import { EmailField } from "./email-field";

export function RequestResetForm() {
  const [state, action] = useActionState(requestPasswordResetAction, null);
  const [email, setEmail] = useState("");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField value={email} onChange={setEmail} errors={fieldErrors(state, "email")} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}

export function SetNewPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" name="password" errors={fieldErrors(state, "password")} />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
