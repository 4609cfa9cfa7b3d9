"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { acceptTermsAction } from "@/lib/actions/consent/accept-terms";
import { routes } from "@/lib/routes";

// Shown on every dashboard page until the customer accepts the terms of service in force.
export function TermsNotice({ version, date, changes }: { version: string; date: string; changes: readonly string[] }) {
  const [state, action] = useActionState(acceptTermsAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <section
      aria-labelledby="terms-notice-title"
      className="rounded-xl border border-amber-500/60 bg-amber-50 p-5 text-sm text-amber-950 dark:bg-amber-500/10 dark:text-amber-100"
    >
      <h2 id="terms-notice-title" className="text-base font-semibold">
        New terms of service ({date})
      </h2>
      <p className="mt-1">Please read what changed and accept the new version to keep using your account as before.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <form action={action} className="mt-4 flex flex-wrap items-center gap-4">
        <input type="hidden" name="version" value={version} />
        <div className="w-full max-w-xs">
          <SubmitButton pendingText="Saving…">Accept the new terms</SubmitButton>
        </div>
        <Link href={routes.terms} className="font-medium underline underline-offset-4">
          Read the full terms
        </Link>
      </form>
      <div className="mt-3">
        <FormMessage state={state} />
      </div>
    </section>
  );
}
