// What a list or section says when there is nothing in it yet: one look everywhere.
export function EmptyState({
  children,
  page = false,
  className = "",
}: {
  children: React.ReactNode;
  page?: boolean;
  className?: string;
}) {
  return (
    <p
      className={`rounded-xl border border-dashed border-line ${page ? "p-8" : "p-6"} text-center text-sm text-muted ${className}`.trim()}
    >
      {children}
    </p>
  );
}
