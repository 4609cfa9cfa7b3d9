"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { filePrivacyRequestAction } from "@/lib/actions/privacy/file-privacy-request";
import type { PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { RECTIFIABLE_FIELDS } from "@/lib/privacy/requests/rectifiable-fields";
import { PURPOSE_LABELS, REQUEST_TYPE_LABELS } from "@/lib/privacy/status-labels";
import { DESCRIPTION_MAX } from "@/lib/validation/privacy";

const HINTS: Record<PrivacyRequestType, string> = {
  access: "We send a report of what we hold and why, with a copy of the data, after you confirm your identity.",
  portability:
    "A zip with a JSON file and a CSV per table, downloadable by you for 7 days after you confirm your identity. Name a recipient to have us send it to them too.",
  rectification: "Tell us which detail is wrong and what it should be; the privacy officer checks and corrects it.",
  erasure:
    "We delete what the law lets us delete. Transaction records are kept for 5 years, pseudonymised and encrypted. You confirm your identity first.",
  restriction:
    "Marketing email and analytics stop as soon as you file. Running your contracts and keeping legal records continue.",
  objection: "Objections to marketing take effect at once.",
  automated_decision_review: "A person reviews the automatic pre-check that flagged your identity case.",
  account_closure: "Once you confirm your identity, the account closes at once and signing in stops.",
};

// Files a privacy request of any type; the fields a type needs appear when it is chosen.
export function PrivacyRequestForm({ canContest }: { canContest: boolean }) {
  const [state, action] = useActionState(filePrivacyRequestAction, null);
  const [type, setType] = useState<PrivacyRequestType>("access");
  const types = (Object.keys(REQUEST_TYPE_LABELS) as PrivacyRequestType[]).filter(
    (value) => value !== "automated_decision_review" || canContest,
  );
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SelectField
        label="What are you asking for?"
        name="type"
        value={type}
        onChange={(event) => setType(event.target.value as PrivacyRequestType)}
        options={types.map((value) => [value, REQUEST_TYPE_LABELS[value]] as const)}
        errors={fieldErrors(state, "type")}
      />
      <p className="text-sm text-muted" data-testid="type-hint">
        {HINTS[type]}
      </p>
      {type === "portability" ? (
        <Field
          label="Also send it to (optional)"
          name="recipientEmail"
          type="email"
          autoComplete="off"
          maxLength={254}
          hint="The privacy officer checks the recipient before sending."
          errors={fieldErrors(state, "recipientEmail")}
        />
      ) : null}
      {type === "objection" ? (
        <SelectField
          label="Purpose you object to"
          name="objectionPurpose"
          options={Object.entries(PURPOSE_LABELS)}
          errors={fieldErrors(state, "objectionPurpose")}
        />
      ) : null}
      {type === "rectification" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Detail to correct"
            name="field"
            options={Object.entries(RECTIFIABLE_FIELDS).map(([value, field]) => [value, field.label] as const)}
            errors={fieldErrors(state, "field")}
          />
          <Field
            label="Correct value"
            name="correctedValue"
            maxLength={200}
            autoComplete="off"
            errors={fieldErrors(state, "correctedValue")}
          />
        </div>
      ) : null}
      <TextAreaField
        label="Details of your request"
        name="details"
        rows={4}
        maxLength={DESCRIPTION_MAX}
        hint={`Tell us what you would like us to do (at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters).`}
        errors={fieldErrors(state, "details")}
      />
      <div className="max-w-xs">
        <SubmitButton pendingText="Filing…">File request</SubmitButton>
      </div>
    </ActionForm>
  );
}
