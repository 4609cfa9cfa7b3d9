"use client";

import { Check, Copy, KeyRound } from "lucide-react";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CodeField } from "@/components/forms/code-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { createApiKeyAction, type NewApiKey } from "@/lib/actions/api-keys/create-api-key";
import { API_KEY_EXPIRY_CHOICES, API_KEY_EXPIRY_LABELS, API_KEY_NAME_MAX } from "@/lib/api-keys/rules";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";
import type { ActionState } from "@/lib/errors";

// Making a personal API key: a name, what it may do, when it expires, and the password (and a
// code when 2FA is on). The new key is shown once, here, and lives only in this page's memory.
export function NewApiKeyForm({ twoFactor }: { twoFactor: boolean }) {
  // The last key made stays shown while a later attempt is refused (the form keeps its input).
  const [{ state, created }, action] = useActionState(
    async (previous: { state: ActionState<NewApiKey>; created: NewApiKey | null }, data: FormData) => {
      const next = await createApiKeyAction(previous.state, data);
      return { state: next, created: next?.ok ? next.data : previous.created };
    },
    { state: null, created: null },
  );
  const scopeErrors = fieldErrors(state, "scopes");
  return (
    <div className="space-y-4">
      {created ? <NewKeyReveal name={created.name} apiKey={created.key} /> : null}
      {/* A fresh form after each new key, so the next one starts empty. */}
      <ActionForm key={created?.id ?? "new"} action={action} className="max-w-lg space-y-4" noValidate>
        {state && !state.ok ? <FormMessage state={state} /> : null}
        <Field
          id="api-key-name"
          label="Key name"
          name="name"
          maxLength={API_KEY_NAME_MAX * 2}
          autoComplete="off"
          hint={`So you can tell your keys apart, like "Portfolio spreadsheet". At most ${API_KEY_NAME_MAX} characters.`}
          errors={fieldErrors(state, "name")}
        />
        <fieldset aria-describedby={scopeErrors ? "api-key-scopes-error" : undefined}>
          <legend className="text-sm font-medium">What the key may do</legend>
          <div className="mt-2 space-y-1.5 text-sm">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  className="accent-amber-500"
                  aria-invalid={scopeErrors ? true : undefined}
                />
                {API_SCOPE_LABELS[scope]}
                <code className="rounded bg-chip px-1 font-mono text-xs text-muted">{scope}</code>
              </label>
            ))}
          </div>
          {scopeErrors ? (
            <p id="api-key-scopes-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {scopeErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <SelectField
          id="api-key-expiry"
          label="Expires after"
          name="expiresIn"
          defaultValue="90"
          options={API_KEY_EXPIRY_CHOICES.map((choice) => [choice, API_KEY_EXPIRY_LABELS[choice]] as const)}
          errors={fieldErrors(state, "expiresIn")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            id="api-key-password"
            label="Account password"
            name="password"
            type="password"
            autoComplete="current-password"
            errors={fieldErrors(state, "password")}
          />
          {twoFactor ? (
            <CodeField id="api-key-code" label="Authenticator app code" errors={fieldErrors(state, "code")} />
          ) : null}
        </div>
        <div className="max-w-xs">
          <SubmitButton pendingText="Creating key…">Create API key</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}

/** The new key, once: a read-only field to copy it from and a button that copies it. */
function NewKeyReveal({ name, apiKey }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-green-600/40 bg-green-50 p-4 text-sm text-green-900 dark:bg-green-500/10 dark:text-green-200"
    >
      <p className="flex items-center gap-2 font-medium">
        <KeyRound className="size-4" aria-hidden /> Your new key &ldquo;{name}&rdquo;
      </p>
      <p>Copy it now and keep it somewhere safe: it will not be shown again. We only keep a fingerprint of it.</p>
      <label htmlFor="api-key-secret" className="sr-only">
        Your new API key
      </label>
      <div className="flex gap-2">
        <input
          id="api-key-secret"
          data-testid="api-key-secret"
          readOnly
          value={apiKey}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-xs text-fg"
        />
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(apiKey);
            setCopied(true);
          }}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-surface px-3 py-2 text-sm font-semibold text-fg ring-1 ring-line hover:bg-chip"
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? "Copied" : "Copy key"}
        </button>
      </div>
    </div>
  );
}
