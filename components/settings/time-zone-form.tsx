"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FieldFrame, fieldWiring } from "@/components/forms/field-frame";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { setTimeZoneAction } from "@/lib/actions/settings/set-time-zone";

export type TimeZoneOption = readonly [zone: string, label: string];

// The account's time zone: a select grouped by region, each zone with its offset today (worked
// out on the server, so the list renders the same everywhere), and a shortcut to this browser's zone.
export function TimeZoneForm({
  current,
  groups,
}: {
  current: string;
  groups: readonly { region: string; options: readonly TimeZoneOption[] }[];
}) {
  const [state, action] = useActionState(setTimeZoneAction, null);
  const [zone, setZone] = useState(current);
  const [browserZoneMissing, setBrowserZoneMissing] = useState(false);
  const errors = fieldErrors(state, "timeZone");
  const wiring = fieldWiring("timeZone", undefined, true, errors);
  const known = new Set(groups.flatMap((group) => group.options.map(([value]) => value)));

  function chooseBrowserZone() {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The browser may spell a zone differently from the server (Asia/Kolkata, Asia/Calcutta).
    const match = known.has(browserZone) ? browserZone : [...known].find((zone) => sameZone(zone, browserZone));
    if (match) setZone(match);
    setBrowserZoneMissing(!match);
  }

  return (
    <ActionForm action={action} className="space-y-4">
      <FormMessage state={state} />
      <FieldFrame
        id={wiring.id}
        label="Time zone"
        hint="Dates and times on your pages use this zone. Settlement days and contract starts are UTC days, so those also show the UTC time."
        errors={errors}
      >
        <select
          name="timeZone"
          {...wiring}
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          className="mt-1.5 block w-full max-w-md rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500"
        >
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.options.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </FieldFrame>
      <div className="flex flex-wrap items-center gap-3">
        <div className="w-48">
          <SubmitButton pendingText="Saving…">Save time zone</SubmitButton>
        </div>
        <button
          type="button"
          onClick={chooseBrowserZone}
          className="cursor-pointer text-sm text-accent-ink underline underline-offset-4"
        >
          Use this browser&apos;s time zone
        </button>
      </div>
      {browserZoneMissing ? (
        <p role="status" className="text-sm text-muted">
          This browser did not report a zone from the list; choose one above.
        </p>
      ) : null}
    </ActionForm>
  );
}

function sameZone(zone: string, other: string): boolean {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone === other;
  } catch {
    return false;
  }
}
