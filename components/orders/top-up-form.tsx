"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { topUpAction } from "@/lib/actions/orders/top-up";

export function TopUpForm() {
  const [state, action] = useActionState(topUpAction, null);
  return (
    <form action={action} className="mt-3 flex max-w-sm flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field
        label="Amount (USD)"
        name="dollars"
        inputMode="numeric"
        placeholder="500"
        errors={fieldErrors(state, "dollars")}
      />
      <SubmitButton pendingText="Opening card payment…">Top up by card</SubmitButton>
    </form>
  );
}
