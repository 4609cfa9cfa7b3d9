"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CodeField } from "@/components/forms/code-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { setPayoutAddressAction } from "@/lib/actions/withdrawals/set-payout-address";

export function PayoutAddressForm({ current, networkLabel }: { current: string | null; networkLabel: string }) {
  const [state, action] = useActionState(setPayoutAddressAction, null);
  return (
    <ActionForm action={action} className="max-w-lg space-y-3" noValidate>
      <FormMessage state={state} />
      <Field
        id="payout-address"
        label={current ? "New payout address" : "Payout address"}
        name="address"
        autoComplete="off"
        spellCheck={false}
        hint={`A ${networkLabel} address: legacy (1…), P2SH (3…), SegWit or Taproot (bc1…). Changing it pauses withdrawals for 24 hours.`}
        errors={fieldErrors(state, "address")}
      />
      <CodeField id="payout-address-code" errors={fieldErrors(state, "code")} />
      <SubmitButton pendingText="Saving…">{current ? "Change address" : "Save address"}</SubmitButton>
    </ActionForm>
  );
}
