import { formatDateTime } from "@/lib/format/date";
import { ESSENTIAL_PROCESSING, PURPOSE_LABELS } from "@/lib/privacy/consent/labels";
import type { ProcessingLimits } from "@/lib/privacy/consent/queries";

// What is restricted or objected to on the account, and what goes on regardless and why.
// Shown on the settings page and in the privacy centre; nothing when nothing is limited.
export function RestrictionSummary({ limits, timeZone }: { limits: ProcessingLimits; timeZone: string }) {
  if (!limits.restrictedAt && limits.objected.length === 0) return null;
  return (
    <section
      aria-labelledby="restriction-title"
      className="rounded-xl border border-amber-500/60 bg-amber-50 p-5 text-sm text-amber-950 dark:bg-amber-500/10 dark:text-amber-100"
    >
      <h2 id="restriction-title" className="text-base font-semibold">
        {limits.restrictedAt ? "Processing is restricted" : "You objected to some uses of your data"}
      </h2>
      {limits.restrictedAt ? (
        <p className="mt-1">
          Since {formatDateTime(limits.restrictedAt, timeZone)} we have stopped everything optional: marketing email,
          analytics and advertising. They stay off until the restriction is lifted; you cannot switch them on meanwhile.
        </p>
      ) : null}
      {limits.objected.length > 0 ? (
        <p className="mt-1">
          Stopped after your objection: {limits.objected.map((purpose) => PURPOSE_LABELS[purpose]).join(", ")}.
        </p>
      ) : null}
      <h3 className="mt-3 font-semibold">What continues, and why</h3>
      <p className="mt-1">
        This processing is needed to keep our contract with you and to meet legal duties, so a restriction or an
        objection does not stop it:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {ESSENTIAL_PROCESSING.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
