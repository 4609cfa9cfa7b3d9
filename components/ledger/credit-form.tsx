"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { creditBalanceAction } from "@/lib/actions/ledger/credit-balance";
import { ActionForm } from "@/components/forms/action-form";

export function CreditForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(creditBalanceAction, null);
  return (
    <ActionForm action={action} className="max-w-sm space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Field
        label="Amount (USD)"
        name="amount"
        inputMode="decimal"
        placeholder="500.00"
        errors={fieldErrors(state, "amount")}
      />
      <Field label="Note (bank reference)" name="note" maxLength={300} errors={fieldErrors(state, "note")} />
      <SubmitButton pendingText="Crediting…">Credit balance</SubmitButton>
    </ActionForm>
  );
}
