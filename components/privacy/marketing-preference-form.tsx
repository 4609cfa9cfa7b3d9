"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { setMarketingPreferenceAction } from "@/lib/actions/consent/set-marketing-preference";

// Marketing email on or off; account email is always on and says so.
export function MarketingPreferenceForm({ marketing, restricted }: { marketing: boolean; restricted: boolean }) {
  const [state, action] = useActionState(setMarketingPreferenceAction, null);
  return (
    <ActionForm action={action} className="space-y-4">
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="sr-only">Emails</legend>
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked
            disabled
            className="mt-1 accent-amber-500"
            aria-describedby="transactional-hint"
          />
          <span>
            <span className="font-medium">Account email</span> (always on)
            <span id="transactional-hint" className="block text-muted">
              Receipts, security alerts, identity and withdrawal decisions, and answers to your requests. We must send
              these while you have an account.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="marketing"
            defaultChecked={marketing}
            disabled={restricted}
            className="mt-1 accent-amber-500"
            aria-describedby="marketing-hint"
          />
          <span>
            <span className="font-medium">News about new plans</span> (marketing)
            <span id="marketing-hint" className="block text-muted">
              {restricted
                ? "Off while processing is restricted on your account."
                : "An occasional email when a new hashrate plan goes on sale. Switch it off at any time."}
            </span>
          </span>
        </label>
      </fieldset>
      {restricted ? null : (
        <div className="max-w-48">
          <SubmitButton pendingText="Saving…">Save preferences</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}
