import type { ReactNode } from "react";

// A label over a figure, for spec lists and summaries. Figures use tabular digits.
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-right text-sm font-medium tabular-nums">
        {value}
        {hint ? <span className="block text-xs font-normal text-subtle">{hint}</span> : null}
      </dd>
    </div>
  );
}
