"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { recordOutageAction } from "@/lib/actions/outages/record-outage";

export function OutageForm({ models }: { models: string[] }) {
  const [state, action] = useActionState(recordOutageAction, null);
  const modelErrors = fieldErrors(state, "machineModels");
  return (
    <ActionForm action={action} className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label="Start (UTC)" name="startedAt" type="datetime-local" errors={fieldErrors(state, "startedAt")} />
      <Field label="End (UTC)" name="endedAt" type="datetime-local" errors={fieldErrors(state, "endedAt")} />
      <fieldset aria-describedby={modelErrors?.length ? "machineModels-error" : undefined}>
        <legend className="text-sm font-medium">Machine models that stopped</legend>
        {models.map((model) => (
          <label key={model} className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name="machineModels" value={model} /> {model}
          </label>
        ))}
        {modelErrors?.length ? (
          <p id="machineModels-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {modelErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field label="Reason" name="reason" maxLength={500} errors={fieldErrors(state, "reason")} />
      <SubmitButton pendingText="Recording…">Record outage</SubmitButton>
    </ActionForm>
  );
}
