"use client";

import Link from "next/link";
import { useActionState, useState, useSyncExternalStore } from "react";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { signUpAction } from "@/lib/actions/auth/sign-up";
import { NewPasswordField } from "./new-password-field";
import { ActionForm } from "@/components/forms/action-form";
import { routes } from "@/lib/routes";
import { EmailField } from "./email-field";

export function SignUpForm({ callbackUrl, termsVersion }: { callbackUrl?: string; termsVersion: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const [email, setEmail] = useState("");
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [marketing, setMarketing] = useState(false);
  // The browser's zone (the server cannot know it): empty in the server's HTML, filled in once
  // hydrated; the action treats empty or unknown as UTC.
  const timeZone = useSyncExternalStore(neverChanges, browserTimeZone, () => "");
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField value={email} onChange={setEmail} errors={fieldErrors(state, "email")} />
      <NewPasswordField
        label="Password"
        name="password"
        errors={fieldErrors(state, "password")}
        userInputs={[email, ...email.split(/[@.]/)]}
        hint="At least 10 characters. A few unrelated words work well."
      />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="acceptTerms"
            checked={acceptTerms}
            onChange={(event) => setAcceptTerms(event.target.checked)}
            className="mt-1 accent-amber-500"
            aria-describedby={fieldErrors(state, "acceptTerms") ? "terms-error" : undefined}
          />
          <span>
            I accept the{" "}
            <Link href={routes.terms} className="text-accent-ink underline underline-offset-4">
              terms of service
            </Link>{" "}
            and the{" "}
            <Link href={routes.privacy} className="text-accent-ink underline underline-offset-4">
              privacy policy
            </Link>
            .
          </span>
        </label>
        {fieldErrors(state, "acceptTerms") ? (
          <p id="terms-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {fieldErrors(state, "acceptTerms")!.join(" ")}
          </p>
        ) : null}
      </div>
      <label className="flex items-start gap-2 text-sm text-muted">
        <input
          type="checkbox"
          name="marketingOptIn"
          checked={marketing}
          onChange={(event) => setMarketing(event.target.checked)}
          className="mt-1 accent-amber-500"
        />
        <span>Send me occasional news about new plans (optional; you can stop any time).</span>
      </label>
      <input type="hidden" name="termsVersion" value={termsVersion} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </ActionForm>
  );
}

const neverChanges = () => () => {};

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
}
