"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { updateUserAccessAction } from "@/lib/actions/users/update-user-access";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

// Role and status of one account. Restricting needs a reason: the customer reads it.
export function UserAccessForm({
  userId,
  role,
  status,
  email,
  reason,
}: {
  userId: string;
  role: Role;
  status: UserStatus;
  email: string;
  reason: string | null;
}) {
  const [state, action] = useActionState(updateUserAccessAction, null);
  const select = "mt-0.5 block rounded-md border border-line bg-surface px-2 py-1 text-sm text-fg";
  return (
    <ActionForm action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs text-subtle">
          Role
          <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className={select}>
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-subtle">
          Status
          <select
            name="status"
            defaultValue={status === "restricted" ? "restricted" : "active"}
            aria-label={`Status of ${email}`}
            className={select}
          >
            <option value="active">Active</option>
            <option value="restricted">Restricted (no buying or withdrawing)</option>
          </select>
        </label>
      </div>
      <TextAreaField
        label="Reason for restricting (the customer sees this)"
        name="reason"
        rows={2}
        maxLength={500}
        defaultValue={reason ?? ""}
        hint="Needed when the status is Restricted; cleared when it is Active. Written to the audit log."
        errors={fieldErrors(state, "reason")}
      />
      <div className="w-24">
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
