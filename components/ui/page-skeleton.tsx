// What a signed-in page shows while its data loads: the shape of a page (a title, a row of
// figures, a table) in placeholder blocks, inside the layout that is already on screen, so
// nothing jumps when the content arrives. Screen readers hear that the page is loading.
// Each `loading.tsx` that shows it sits on a page that never answers 404: under a loading
// boundary the status line is sent with the skeleton, before the page could call notFound(). So
// pages that check an owner or a staff permission themselves (a contract, every staff page) have
// none; the dashboard overview gets its own through the `(overview)` route group. Pages built
// around a form (identity, security, withdrawals, privacy, settings) have none either: a refresh
// that suspends again would remount the form and lose what the customer typed.
function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-lg bg-chip motion-reduce:animate-none ${className}`} />;
}

export function PageSkeleton({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-6" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <Block className="h-8 w-56" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Block className="h-24" />
        <Block className="h-24" />
        <Block className="h-24" />
      </div>
      <div className="space-y-2">
        <Block className="h-10" />
        <Block className="h-10" />
        <Block className="h-10" />
        <Block className="h-10" />
      </div>
    </div>
  );
}
