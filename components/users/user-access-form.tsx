"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { updateUserAccessAction } from "@/lib/actions/users/update-user-access";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

export function UserAccessForm({
  userId,
  role,
  status,
  email,
}: {
  userId: string;
  role: Role;
  status: UserStatus;
  email: string;
}) {
  const [state, action] = useActionState(updateUserAccessAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="text-xs text-subtle">
        Role
        <select
          name="role"
          defaultValue={role}
          aria-label={`Role of ${email}`}
          className="mt-0.5 block rounded-md border border-line bg-surface px-2 py-1 text-sm text-fg"
        >
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
          className="mt-0.5 block rounded-md border border-line bg-surface px-2 py-1 text-sm text-fg"
        >
          <option value="active">Active</option>
          <option value="restricted">Restricted</option>
        </select>
      </label>
      <div className="w-20">
        <SubmitButton variant="secondary" pendingText="…">
          Save
        </SubmitButton>
      </div>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
