import Link from "next/link";
import { termsDate, TERMS_VERSIONS, type TermsVersion } from "@/lib/privacy/terms";
import { routes } from "@/lib/routes";

const linkClass = "text-accent-ink underline underline-offset-4";

// One version of the terms of service, readable: contents, numbered sections, what changed,
// and the list of every version.
export function TermsDocument({ version, current }: { version: TermsVersion; current: TermsVersion }) {
  const isCurrent = version.id === current.id;
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Terms of service</h1>
        <p className="mt-2 text-sm text-muted">
          Version of <time dateTime={version.id}>{termsDate(version)}</time>
          {isCurrent ? " · in force" : " · no longer in force"}
        </p>
        {!isCurrent ? (
          <p className="mt-4 rounded-md border border-amber-500/60 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
            This is an earlier version, kept for the record.{" "}
            <Link href={routes.terms} className={linkClass}>
              Read the version in force
            </Link>
            .
          </p>
        ) : null}
      </header>

      <section aria-labelledby="changes-title" className="mt-6 rounded-lg border border-line bg-surface p-4 sm:p-5">
        <h2 id="changes-title" className="font-semibold">
          What changed in this version
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-6">
          {version.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      </section>

      <nav aria-label="Contents" className="mt-6 rounded-lg border border-line p-4 sm:p-5">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Contents</h2>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm leading-6 sm:columns-2 sm:gap-8">
          {version.sections.map((section) => (
            <li key={section.id} className="break-inside-avoid">
              <a href={`#${section.id}`} className={linkClass}>
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <ol className="mt-4">
        {version.sections.map((section, index) => (
          <li key={section.id}>
            <section aria-labelledby={section.id}>
              <h2 id={section.id} className="mt-10 scroll-mt-24 text-xl font-semibold">
                {index + 1}. {section.title}
              </h2>
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph} className="mt-4 leading-7">
                  {paragraph}
                </p>
              ))}
              {section.points ? (
                <ul className="mt-4 list-disc space-y-2 pl-5 leading-7">
                  {section.points.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              ) : null}
            </section>
          </li>
        ))}
      </ol>

      <p className="mt-10 leading-7">
        How we handle personal data is explained in our{" "}
        <Link href={routes.privacy} className={linkClass}>
          privacy policy
        </Link>
        .
      </p>

      <section aria-labelledby="versions-title" className="mt-10 border-t border-line pt-6">
        <h2 id="versions-title" className="font-semibold">
          All versions
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {[...TERMS_VERSIONS].reverse().map((entry) => (
            <li key={entry.id}>
              {entry.id === version.id ? (
                <span aria-current="page" className="font-medium">
                  {termsDate(entry)}
                  {entry.id === current.id ? " (in force)" : ""}
                </span>
              ) : (
                <Link
                  href={entry.id === current.id ? routes.terms : routes.termsVersion(entry.id)}
                  className={linkClass}
                >
                  {termsDate(entry)}
                  {entry.id === current.id ? " (in force)" : ""}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
