"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { routes } from "@/lib/routes";
import { EmailField } from "./email-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, null);
  const [email, setEmail] = useState(""); // kept when a refused attempt resets the form
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField value={email} onChange={setEmail} errors={fieldErrors(state, "email")} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors(state, "password")}
      />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-center text-sm">
        <Link href={routes.resetPassword()} className="text-accent-ink underline underline-offset-4">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
