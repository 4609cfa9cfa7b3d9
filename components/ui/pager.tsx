import { IntentLink } from "@/components/ui/intent-link";

// The one pager of every long list: links to the previous and next page of a keyset list
// (plain links, so it works without JavaScript and each page has an address to share).
// `href(cursor)` builds the list's address for a cursor, keeping its filters; null is page one.
export function Pager({
  page,
  href,
  label,
  previousLabel = "Newer",
  nextLabel = "Older",
}: {
  page: { next: string | null; previous: string | null; rejectedCursor?: boolean };
  href: (cursor: string | null) => string;
  label: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const link = "rounded-md px-3 py-1.5 ring-1 ring-line hover:bg-chip";
  const off = "rounded-md px-3 py-1.5 text-muted ring-1 ring-line";
  return (
    <>
      {page.rejectedCursor ? (
        <p role="status" className="rounded-md bg-chip px-3 py-2 text-sm">
          That page link is not valid (it may be old or cut short), so the list starts from the beginning.
        </p>
      ) : null}
      {page.next || page.previous ? (
        <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
          {page.previous ? (
            <>
              <IntentLink href={href(null)} className={link}>
                First page
              </IntentLink>
              <IntentLink href={href(page.previous)} className={link} rel="prev">
                ← {previousLabel}
              </IntentLink>
            </>
          ) : (
            <span className={off} aria-disabled="true">
              ← {previousLabel}
            </span>
          )}
          {page.next ? (
            <IntentLink href={href(page.next)} className={link} rel="next">
              {nextLabel} →
            </IntentLink>
          ) : (
            <span className={off} aria-disabled="true">
              {nextLabel} →
            </span>
          )}
        </nav>
      ) : null}
    </>
  );
}
