"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { openTicketAction } from "@/lib/actions/support/open-ticket";

// The help page's contact form. Signed-in customers are answered at their account's email;
// visitors leave one. A plain form action, so it works before (or without) JavaScript.
export function ContactForm({ signedInAs }: { signedInAs: string | null }) {
  const [state, action] = useActionState(openTicketAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {signedInAs ? (
        <p className="text-sm text-muted">We will answer at {signedInAs}.</p>
      ) : (
        <Field
          label="Your email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          hint="We answer here. Signed in? Your account's email is used instead."
          errors={fieldErrors(state, "email")}
        />
      )}
      <Field label="Subject" name="subject" maxLength={150} errors={fieldErrors(state, "subject")} />
      <TextAreaField
        label="Your question"
        name="message"
        rows={6}
        maxLength={5000}
        errors={fieldErrors(state, "message")}
      />
      <div className="w-48">
        <SubmitButton pendingText="Sending…">Send question</SubmitButton>
      </div>
    </form>
  );
}
