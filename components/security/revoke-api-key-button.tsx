"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { revokeApiKeyAction } from "@/lib/actions/api-keys/revoke-api-key";

// Revoking a key asks once more before it stops working: there is no undo.
export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage state={state} />;
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md px-2 py-1 text-sm font-semibold text-red-700 ring-1 ring-red-600/40 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-500/10"
      >
        Revoke<span className="sr-only"> {name}</span>
      </button>
    );
  }
  return (
    <ActionForm action={action} className="min-w-48 space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="keyId" value={keyId} />
      <p className="text-sm">Stop &ldquo;{name}&rdquo; working now? This cannot be undone.</p>
      <SubmitButton variant="danger" pendingText="Revoking…">
        {`Yes, revoke ${name}`}
      </SubmitButton>
      <button
        type="button"
        onClick={() => setConfirming(false)}
        className="w-full rounded-md px-2 py-1 text-sm font-medium text-muted hover:text-fg"
      >
        Keep it
      </button>
    </ActionForm>
  );
}
