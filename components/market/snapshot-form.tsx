"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { saveSnapshotAction } from "@/lib/actions/market/save-snapshot";
import { settleRangeAction } from "@/lib/actions/market/settle-range";

export function SnapshotForm({ today }: { today: string }) {
  const [state, action] = useActionState(saveSnapshotAction, null);
  const resettleErrors = fieldErrors(state, "resettle");
  return (
    <ActionForm action={action} className="grid max-w-2xl gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <Field label="Day (UTC)" name="day" type="date" defaultValue={today} errors={fieldErrors(state, "day")} />
      <Field label="Difficulty" name="difficulty" inputMode="decimal" errors={fieldErrors(state, "difficulty")} />
      <Field
        label="BTC price (USD)"
        name="btcPriceUsd"
        inputMode="decimal"
        errors={fieldErrors(state, "btcPriceUsd")}
      />
      <Field
        label="Block subsidy (sats)"
        name="blockSubsidySats"
        inputMode="numeric"
        defaultValue="312500000"
        errors={fieldErrors(state, "blockSubsidySats")}
      />
      <Field
        label="Fees per block (sats)"
        name="feesPerBlockSats"
        inputMode="numeric"
        errors={fieldErrors(state, "feesPerBlockSats")}
      />
      <Field label="Reason" name="reason" maxLength={300} errors={fieldErrors(state, "reason")} />
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          name="resettle"
          aria-describedby={resettleErrors?.length ? "resettle-error" : undefined}
        />
        <span>
          Re-settle this day if it is already settled (posts correcting entries; posted ones never change)
          {resettleErrors?.length ? (
            <span id="resettle-error" className="block text-red-700 dark:text-red-400">
              {resettleErrors.join(" ")}
            </span>
          ) : null}
        </span>
      </label>
      <div className="sm:col-span-2">
        <SubmitButton pendingText="Saving…">Save day</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function SettleRangeForm({ yesterday }: { yesterday: string }) {
  const [state, action] = useActionState(settleRangeAction, null);
  return (
    <ActionForm action={action} className="flex max-w-2xl flex-wrap items-end gap-3" noValidate>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
      <Field label="From (UTC)" name="from" type="date" defaultValue={yesterday} errors={fieldErrors(state, "from")} />
      <Field label="To (UTC)" name="to" type="date" defaultValue={yesterday} errors={fieldErrors(state, "to")} />
      <SubmitButton pendingText="Settling…">Settle these days</SubmitButton>
    </ActionForm>
  );
}
