import { formatInteger } from "@/lib/format/number";

// Daily mining output as bars. The chart is decoration for sighted readers: the page renders the
// same figures as a table for screen readers (see DailyOutputTable), so it is hidden from them.
// Plain HTML drawn on the server: it needs no interaction, so it sends no JavaScript (a chart
// library was most of the dashboard's script); hovering a bar shows its day and figure.
export function OutputChart({ data }: { data: { day: string; sats: number }[] }) {
  const max = Math.max(1, ...data.map((point) => point.sats));
  const ticks = { top: max, middle: Math.round(max / 2), bottom: 0 };
  const first = data[0]?.day;
  const last = data.at(-1)?.day;
  return (
    <div aria-hidden="true" className="flex h-56 w-full flex-col text-[11px] text-subtle" data-testid="output-chart">
      <div className="flex min-h-0 flex-1 gap-2">
        <div className="flex w-14 flex-col justify-between text-right tabular-nums">
          {Object.entries(ticks).map(([place, tick]) => (
            <span key={place} className="leading-none">
              {formatInteger(tick)}
            </span>
          ))}
        </div>
        <div className="relative flex flex-1 items-end gap-px border-b border-line pt-1.5">
          <div className="absolute inset-x-0 top-1.5 border-t border-dashed border-line" />
          <div className="absolute inset-x-0 top-1/2 border-t border-dashed border-line" />
          {data.map((point) => (
            <div
              key={point.day}
              title={`${point.day} (UTC): ${formatInteger(point.sats)} sats`}
              className="relative flex-1 rounded-t-sm bg-amber-500 hover:bg-amber-400"
              style={{ height: `${(point.sats / max) * 100}%` }}
            />
          ))}
        </div>
      </div>
      {first && last ? (
        <div className="ml-16 flex justify-between pt-1 tabular-nums">
          <span>{first.slice(5)}</span>
          <span>{last.slice(5)}</span>
        </div>
      ) : null}
    </div>
  );
}
