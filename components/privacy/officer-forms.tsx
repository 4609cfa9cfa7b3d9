"use client";

import { useActionState, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { addPrivacyNoteAction } from "@/lib/actions/privacy/add-privacy-note";
import { applyRectificationAction } from "@/lib/actions/privacy/apply-rectification";
import { assignPrivacyRequestAction } from "@/lib/actions/privacy/assign-privacy-request";
import { completePrivacyRequestAction } from "@/lib/actions/privacy/complete-privacy-request";
import { extendPrivacyRequestAction } from "@/lib/actions/privacy/extend-privacy-request";
import { refusePrivacyRequestAction } from "@/lib/actions/privacy/refuse-privacy-request";
import { sendExportToRecipientAction } from "@/lib/actions/privacy/send-export-to-recipient";
import type { ActionState } from "@/lib/errors";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

// One officer step: a form for a request, its outcome above, the submit button with its progress.
function StepForm({
  action: serverAction,
  requestId,
  button,
  pendingText,
  variant,
  keepAfterSuccess = false,
  children,
}: {
  action: Action;
  requestId: string;
  button: string;
  pendingText: string;
  variant?: "primary" | "danger" | "secondary";
  keepAfterSuccess?: boolean;
  children?: (state: ActionState) => ReactNode;
}) {
  const [state, action] = useActionState(serverAction, null);
  if (state?.ok && !keepAfterSuccess) return <FormMessage state={state} />;
  return (
    <ActionForm action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {children?.(state)}
      <div className="max-w-xs">
        <SubmitButton variant={variant} pendingText={pendingText}>
          {button}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function AssignForm({
  requestId,
  officers,
  current,
}: {
  requestId: string;
  officers: { id: string; email: string }[];
  current: string | null;
}) {
  return (
    <StepForm
      action={assignPrivacyRequestAction}
      requestId={requestId}
      button="Assign"
      pendingText="Assigning…"
      keepAfterSuccess
    >
      {(state) => (
        <SelectField
          label="Assign to"
          name="assigneeId"
          defaultValue={current ?? undefined}
          options={officers.map((officer) => [officer.id, officer.email] as const)}
          errors={fieldErrors(state, "assigneeId")}
        />
      )}
    </StepForm>
  );
}

export function NoteForm({ requestId }: { requestId: string }) {
  return (
    <StepForm
      action={addPrivacyNoteAction}
      requestId={requestId}
      button="Add note"
      pendingText="Adding…"
      variant="secondary"
    >
      {(state) => (
        <TextAreaField
          label="Internal note (staff only)"
          name="body"
          maxLength={2000}
          errors={fieldErrors(state, "body")}
        />
      )}
    </StepForm>
  );
}

export function ExtendForm({ requestId }: { requestId: string }) {
  return (
    <StepForm
      action={extendPrivacyRequestAction}
      requestId={requestId}
      button="Extend deadline"
      pendingText="Extending…"
      variant="secondary"
    >
      {(state) => (
        <>
          <SelectField
            label="Extend by"
            name="months"
            options={[
              ["1", "One month"],
              ["2", "Two months"],
            ]}
            errors={fieldErrors(state, "months")}
          />
          <TextAreaField
            id="extend-reason"
            label="Reason (the customer sees it)"
            name="reason"
            maxLength={2000}
            errors={fieldErrors(state, "reason")}
          />
        </>
      )}
    </StepForm>
  );
}

export function CompleteForm({ requestId, label = "Complete" }: { requestId: string; label?: string }) {
  return (
    <StepForm action={completePrivacyRequestAction} requestId={requestId} button={label} pendingText="Completing…">
      {(state) => (
        <TextAreaField
          label="Answer to the customer"
          name="response"
          rows={4}
          maxLength={5000}
          errors={fieldErrors(state, "response")}
        />
      )}
    </StepForm>
  );
}

export function RefuseForm({ requestId, complaintInfo }: { requestId: string; complaintInfo: string }) {
  return (
    <StepForm
      action={refusePrivacyRequestAction}
      requestId={requestId}
      button="Refuse"
      pendingText="Refusing…"
      variant="danger"
    >
      {(state) => (
        <>
          <TextAreaField
            id="refuse-reason"
            label="Reasons for refusing (the customer sees them)"
            name="reason"
            maxLength={5000}
            errors={fieldErrors(state, "reason")}
          />
          <TextAreaField
            label="Where the customer may complain"
            name="complaintInfo"
            rows={4}
            maxLength={2000}
            defaultValue={complaintInfo}
            errors={fieldErrors(state, "complaintInfo")}
          />
        </>
      )}
    </StepForm>
  );
}

export function ApplyRectificationButton({ requestId }: { requestId: string }) {
  return (
    <StepForm
      action={applyRectificationAction}
      requestId={requestId}
      button="Apply the correction"
      pendingText="Applying…"
    />
  );
}

export function SendToRecipientButton({ requestId, recipient }: { requestId: string; recipient: string }) {
  return (
    <StepForm
      action={sendExportToRecipientAction}
      requestId={requestId}
      button={`Send to ${recipient}`}
      pendingText="Sending…"
      variant="secondary"
    />
  );
}
