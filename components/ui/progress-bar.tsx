// A labelled horizontal bar, e.g. "Sold 30%". The label is what screen readers announce.
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className="h-2 w-full overflow-hidden rounded-full bg-chip"
    >
      <div className="h-full rounded-full bg-amber-500 transition-[width]" style={{ width: `${clamped}%` }} />
    </div>
  );
}
