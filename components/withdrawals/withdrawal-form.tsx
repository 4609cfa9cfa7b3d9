"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CodeField } from "@/components/forms/code-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { requestWithdrawalAction } from "@/lib/actions/withdrawals/request-withdrawal";
import { formatBtc } from "@/lib/money/format";

// A preview only: the server parses and checks the amount again.
function toSats(value: string): bigint | null {
  const match = /^(\d{1,8})(?:\.(\d{1,8}))?$/.exec(value.trim());
  return match ? BigInt(match[1]!) * 100_000_000n + BigInt((match[2] ?? "").padEnd(8, "0")) : null;
}

export function WithdrawalForm({ feeSats, minimumSats }: { feeSats: string; minimumSats: string }) {
  const [state, action] = useActionState(requestWithdrawalAction, null);
  const [amount, setAmount] = useState("");
  const sats = toSats(amount);
  const fee = BigInt(feeSats);
  return (
    <ActionForm action={action} className="max-w-lg space-y-3" noValidate>
      <FormMessage state={state} />
      <Field
        id="withdrawal-amount"
        label="Amount (BTC)"
        name="amount"
        inputMode="decimal"
        placeholder="0.0015"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        hint={`At least ${formatBtc(BigInt(minimumSats))}. The network fee of ${formatBtc(fee)} is deducted from this amount.`}
        errors={fieldErrors(state, "amount")}
      />
      <p className="text-sm text-muted" aria-live="polite" data-testid="withdrawal-preview">
        {sats !== null && sats > fee
          ? `Your balance goes down by ${formatBtc(sats)}; your address receives ${formatBtc(sats - fee)} after the ${formatBtc(fee)} network fee.`
          : `Network fee: ${formatBtc(fee)}, deducted from the amount.`}
      </p>
      <CodeField id="withdrawal-code" errors={fieldErrors(state, "code")} />
      <SubmitButton pendingText="Requesting…">Request withdrawal</SubmitButton>
    </ActionForm>
  );
}
