"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { decideCreditAction } from "@/lib/actions/ledger/decide-credit";

type Credit = {
  id: string;
  amount: string;
  note: string;
  requestedBy: string | null;
  mine: boolean;
  requestedAt: string;
};

// One large credit waiting for a second admin: approve it, or reject it with a reason.
function PendingCredit({ credit }: { credit: Credit }) {
  const [state, action] = useActionState(decideCreditAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <div className="space-y-3 rounded-lg border border-line p-4" data-testid="pending-credit">
      <p className="text-sm">
        <span className="font-semibold tabular-nums">{credit.amount}</span> — {credit.note}
        <span className="block text-muted">
          Asked for by {credit.requestedBy ?? "a former admin"} on {credit.requestedAt} (UTC).
        </span>
      </p>
      <FormMessage state={state} />
      {credit.mine ? (
        <p className="text-sm text-muted">You asked for this credit, so another admin has to decide it.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <ActionForm action={action} noValidate>
            <input type="hidden" name="creditId" value={credit.id} />
            <input type="hidden" name="decision" value="approve" />
            <SubmitButton pendingText="Approving…">Approve credit</SubmitButton>
          </ActionForm>
          <ActionForm action={action} className="space-y-2" noValidate>
            <input type="hidden" name="creditId" value={credit.id} />
            <input type="hidden" name="decision" value="reject" />
            <Field label="Reason for rejecting" name="reason" maxLength={300} errors={fieldErrors(state, "reason")} />
            <SubmitButton variant="secondary" pendingText="Rejecting…">
              Reject credit
            </SubmitButton>
          </ActionForm>
        </div>
      )}
    </div>
  );
}

export function PendingCredits({ credits }: { credits: Credit[] }) {
  return (
    <div className="space-y-3">
      {credits.map((credit) => (
        <PendingCredit key={credit.id} credit={credit} />
      ))}
    </div>
  );
}
