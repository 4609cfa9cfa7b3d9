import type { ReactNode } from "react";

// A label over a figure, for spec lists and summaries. Figures use tabular digits.
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-right text-sm font-medium tabular-nums">
        {value}
        {hint ? <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{hint}</span> : null}
      </dd>
    </div>
  );
}
