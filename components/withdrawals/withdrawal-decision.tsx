"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { decideWithdrawalAction } from "@/lib/actions/withdrawals/decide-withdrawal";

export type WaitingWithdrawal = {
  id: string;
  email: string;
  amount: string;
  fee: string;
  sent: string;
  address: string;
  requestedAt: string;
  needsSecondAdmin: boolean;
  firstApprovedBy: string | null;
  // What the admin viewing the page may do with it.
  may: "decide" | "own" | "approved-by-me";
};

// One waiting withdrawal: pay it out with its txid (or approve it first, above the threshold),
// or reject it with a reason.
function Waiting({ withdrawal }: { withdrawal: WaitingWithdrawal }) {
  const [state, action] = useActionState(decideWithdrawalAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  const id = withdrawal.id.slice(0, 8);
  const needsApproval = withdrawal.needsSecondAdmin && !withdrawal.firstApprovedBy;
  return (
    <div className="space-y-3 rounded-lg border border-line p-4" data-testid="waiting-withdrawal">
      <p className="text-sm">
        <span className="font-semibold tabular-nums">{withdrawal.amount}</span> from {withdrawal.email}, requested{" "}
        {withdrawal.requestedAt} (UTC)
        <span className="block text-muted">
          Send <span className="tabular-nums">{withdrawal.sent}</span> (after the {withdrawal.fee} network fee) to{" "}
          <code className="break-all font-mono">{withdrawal.address}</code>
        </span>
        {withdrawal.firstApprovedBy ? (
          <span className="block text-muted">
            Approved by {withdrawal.firstApprovedBy}; a different admin pays it out.
          </span>
        ) : withdrawal.needsSecondAdmin ? (
          <span className="block text-muted">
            Above the four-eyes threshold: one admin approves, another pays it out.
          </span>
        ) : null}
      </p>
      <FormMessage state={state} />
      {withdrawal.may === "own" ? (
        <p className="text-sm text-muted">This is your own withdrawal, so another admin has to decide it.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {withdrawal.may === "approved-by-me" ? (
            <p className="text-sm text-muted">You approved it; another admin pays it out.</p>
          ) : needsApproval ? (
            <ActionForm action={action} noValidate>
              <input type="hidden" name="withdrawalId" value={withdrawal.id} />
              <input type="hidden" name="decision" value="approve" />
              <SubmitButton pendingText="Approving…">Approve (first admin)</SubmitButton>
            </ActionForm>
          ) : (
            <ActionForm action={action} className="space-y-2" noValidate>
              <input type="hidden" name="withdrawalId" value={withdrawal.id} />
              <input type="hidden" name="decision" value="pay" />
              <Field
                id={`txid-${id}`}
                label="Bitcoin transaction id"
                name="txid"
                autoComplete="off"
                spellCheck={false}
                maxLength={64}
                errors={fieldErrors(state, "txid")}
              />
              <SubmitButton pendingText="Saving…">Mark as paid</SubmitButton>
            </ActionForm>
          )}
          <ActionForm action={action} className="space-y-2" noValidate>
            <input type="hidden" name="withdrawalId" value={withdrawal.id} />
            <input type="hidden" name="decision" value="reject" />
            <Field
              id={`reason-${id}`}
              label="Reason for rejecting"
              name="reason"
              maxLength={300}
              errors={fieldErrors(state, "reason")}
            />
            <SubmitButton variant="secondary" pendingText="Rejecting…">
              Reject
            </SubmitButton>
          </ActionForm>
        </div>
      )}
    </div>
  );
}

export function WaitingWithdrawals({ withdrawals }: { withdrawals: WaitingWithdrawal[] }) {
  return (
    <div className="space-y-3">
      {withdrawals.map((withdrawal) => (
        <Waiting key={withdrawal.id} withdrawal={withdrawal} />
      ))}
    </div>
  );
}
