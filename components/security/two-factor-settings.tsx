"use client";

import { ShieldCheck } from "lucide-react";
import { useActionState } from "react";
import { CodeField } from "@/components/forms/code-field";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { confirmTotpEnrolmentAction } from "@/lib/actions/auth/confirm-totp-enrolment";
import { disableTotpAction } from "@/lib/actions/auth/disable-totp";
import { startTotpEnrolmentAction } from "@/lib/actions/auth/start-totp-enrolment";

// Turning 2FA on: start → scan the QR code (or type the secret) → confirm with a code → keep
// the recovery codes. Turning it on needs the password too, turning it off a current code; both
// sign out every other browser.
export function TwoFactorSettings({
  enabled,
  remainingRecoveryCodes,
}: {
  enabled: boolean;
  remainingRecoveryCodes: number;
}) {
  const [enrolment, start] = useActionState(startTotpEnrolmentAction, null);
  const [confirmation, confirm] = useActionState(confirmTotpEnrolmentAction, null);
  const [disabling, disable] = useActionState(disableTotpAction, null);

  if (confirmation?.ok) {
    return (
      <div className="space-y-3">
        <p role="status" className="flex items-center gap-2 font-medium text-green-700 dark:text-green-400">
          <ShieldCheck className="size-5" aria-hidden /> Two-factor authentication is on.
        </p>
        <p className="text-sm text-muted">
          Save these recovery codes somewhere safe. Each works once if you lose your phone. They will not be shown
          again.
        </p>
        <ol className="grid grid-cols-2 gap-2 rounded-lg bg-chip p-4 font-mono text-sm" data-testid="recovery-codes">
          {confirmation.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </div>
    );
  }

  if (enabled && !disabling?.ok) {
    return (
      <div className="space-y-4">
        <p className="flex items-center gap-2 font-medium text-green-700 dark:text-green-400">
          <ShieldCheck className="size-5" aria-hidden /> On — sign-ins ask for a code from your app.
        </p>
        <p className="text-sm text-muted">{remainingRecoveryCodes} of 10 recovery codes left.</p>
        <form action={disable} className="max-w-xs space-y-3" noValidate>
          <FormMessage state={disabling} />
          <CodeField label="Code to turn 2FA off" maxLength={14} errors={fieldErrors(disabling, "code")} />
          <SubmitButton variant="danger" pendingText="Turning off…">
            Turn off 2FA
          </SubmitButton>
        </form>
      </div>
    );
  }

  if (enrolment?.ok) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted">
          Scan this code with an authenticator app (for example Aegis, 1Password or Google Authenticator).
        </p>
        <div
          role="img"
          aria-label="QR code holding your two-factor secret"
          className="size-48 rounded-lg bg-white p-2 [&>svg]:size-full"
          dangerouslySetInnerHTML={{ __html: enrolment.data.qrSvg }}
        />
        <p className="text-sm">
          Can&apos;t scan it? Enter this secret instead:{" "}
          <code className="break-all rounded bg-chip px-1.5 py-0.5 font-mono" data-testid="totp-secret">
            {enrolment.data.secret}
          </code>
        </p>
        <form action={confirm} className="max-w-xs space-y-3" noValidate>
          <FormMessage state={confirmation} />
          <CodeField label="Code from your app" errors={fieldErrors(confirmation, "code")} />
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            errors={fieldErrors(confirmation, "password")}
          />
          <p className="text-sm text-muted">Turning 2FA on signs out your other browsers.</p>
          <SubmitButton pendingText="Checking…">Turn on 2FA</SubmitButton>
        </form>
      </div>
    );
  }

  return (
    <form action={start} className="max-w-xs space-y-3">
      {disabling?.ok ? <FormMessage state={disabling} /> : null}
      <FormMessage state={enrolment} />
      <p className="text-sm text-muted">Off. Sign-ins only need your password.</p>
      <SubmitButton pendingText="Preparing…">Set up 2FA</SubmitButton>
    </form>
  );
}
