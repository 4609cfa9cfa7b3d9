"use client";

import { useActionState, useState } from "react";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { addKycNoteAction } from "@/lib/actions/kyc/add-kyc-note";
import { decideKycCaseAction } from "@/lib/actions/kyc/decide-kyc-case";
import { RESUBMIT_ITEMS } from "@/lib/validation/kyc";

const textarea = "mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-sm";

export function DecisionForm({ caseId }: { caseId: string }) {
  const [state, action] = useActionState(decideKycCaseAction, null);
  const [decision, setDecision] = useState<"approve" | "request_resubmission" | "reject">("approve");
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset>
        <legend className="text-sm font-medium">Decision</legend>
        <div className="mt-2 space-y-1.5 text-sm">
          {(
            [
              ["approve", "Approve"],
              ["request_resubmission", "Ask for items again"],
              ["reject", "Reject (final)"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                className="accent-amber-500"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {decision === "request_resubmission" ? (
        <fieldset>
          <legend className="text-sm font-medium">Items to send again</legend>
          <div className="mt-2 grid grid-cols-2 gap-1.5 text-sm">
            {Object.entries(RESUBMIT_ITEMS).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="checkbox" name="items" value={value} className="accent-amber-500" />
                {label}
              </label>
            ))}
          </div>
          {fieldErrors(state, "items") ? (
            <p className="mt-1 text-sm text-red-700 dark:text-red-400">{fieldErrors(state, "items")!.join(" ")}</p>
          ) : null}
        </fieldset>
      ) : null}
      {decision !== "approve" ? (
        <label className="block text-sm font-medium">
          {decision === "reject" ? "Reason (the customer sees it)" : "Message to the customer"}
          <textarea
            name="message"
            rows={3}
            maxLength={1000}
            className={textarea}
            aria-invalid={fieldErrors(state, "message") ? true : undefined}
          />
          {fieldErrors(state, "message") ? (
            <span className="mt-1 block text-sm font-normal text-red-700 dark:text-red-400">
              {fieldErrors(state, "message")!.join(" ")}
            </span>
          ) : null}
        </label>
      ) : null}
      <SubmitButton variant={decision === "reject" ? "danger" : "primary"} pendingText="Saving…">
        Save decision
      </SubmitButton>
    </form>
  );
}

export function NoteForm({ caseId }: { caseId: string }) {
  const [state, action] = useActionState(addKycNoteAction, null);
  return (
    <form action={action} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <label className="block text-sm font-medium">
        Internal note (staff only)
        <textarea name="body" rows={2} maxLength={2000} className={textarea} />
      </label>
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add note
      </SubmitButton>
    </form>
  );
}
