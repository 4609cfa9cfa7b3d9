import type { Metadata } from "next";
import Link from "next/link";
import { ContactForm } from "@/components/support/contact-form";
import { currentUser } from "@/lib/auth/session";
import { HELP_ARTICLES, searchHelp } from "@/lib/help/articles";
import { routes } from "@/lib/routes";
import { readFilter } from "@/lib/validation/lists";
import { helpFilter } from "@/lib/validation/support";

export const metadata: Metadata = {
  title: "Help",
  description:
    "How fees work, when mining starts, how daily output is computed, identity checks, withdrawals and privacy.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HelpPage({ searchParams }: Props) {
  const [{ q }, user] = await Promise.all([
    searchParams.then((params) => readFilter(helpFilter, params)),
    currentUser(),
  ]);
  const query = q ?? "";
  const articles = searchHelp(query);
  return (
    <div className="mx-auto max-w-3xl space-y-10 px-4 py-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Help</h1>
        <p className="text-muted">Answers to what customers ask most. Can&apos;t find yours? Write to us below.</p>
        <form role="search" aria-label="Search the help" className="flex gap-2" action={routes.help}>
          <label htmlFor="help-search" className="sr-only">
            Search the help
          </label>
          <input
            id="help-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            placeholder="e.g. withdrawal fee, difficulty, KYC"
            className="flex-1 rounded-md border border-line bg-surface px-3 py-2 text-sm"
          />
          <button className="rounded-md px-4 py-2 text-sm font-medium ring-1 ring-line hover:bg-chip">Search</button>
        </form>
        {query ? (
          <p role="status" className="text-sm text-muted">
            {articles.length === 0
              ? `Nothing matches “${query}”.`
              : `${articles.length} of ${HELP_ARTICLES.length} answers match “${query}”.`}{" "}
            <Link href={routes.help} className="underline underline-offset-4">
              Show all
            </Link>
          </p>
        ) : null}
      </header>

      <section aria-label="Answers" className="space-y-6">
        {articles.map((article) => (
          <article key={article.id} id={article.id} className="rounded-xl border border-line bg-surface p-5">
            <p className="text-xs font-semibold uppercase tracking-wide text-subtle">{article.topic}</p>
            <h2 className="mt-1 text-lg font-semibold">{article.question}</h2>
            <div className="mt-2 space-y-3 leading-7">
              {article.answer.map((paragraph) =>
                paragraph.startsWith("    ") ? (
                  <pre key={paragraph} className="overflow-x-auto rounded-md bg-chip px-3 py-2 text-sm">
                    {paragraph.trim()}
                  </pre>
                ) : (
                  <p key={paragraph}>{paragraph}</p>
                ),
              )}
            </div>
          </article>
        ))}
      </section>

      <section id="contact" aria-labelledby="contact-title" className="space-y-3">
        <h2 id="contact-title" className="text-xl font-semibold">
          Ask us
        </h2>
        <p className="text-sm text-muted">
          A person answers by email, usually within one working day. Never send passwords or two-factor codes.
        </p>
        <ContactForm signedInAs={user?.email ?? null} />
      </section>
    </div>
  );
}
