"use client";

import { PageFrame } from "@/components/layout/page-frame";
import { buttonBase } from "@/components/ui/button-link";

// Shown when a page fails to render (e.g. the database is unreachable). No details leak.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageFrame>
      <div className="mx-auto max-w-xl px-4 py-24 text-center">
        <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-3 text-muted">
          We could not load this page. Your account and balances are not affected. Please try again in a moment.
        </p>
        <button
          type="button"
          onClick={reset}
          className={`${buttonBase} mt-6 bg-amber-400 text-zinc-950 hover:bg-amber-300`}
        >
          Try again
        </button>
      </div>
    </PageFrame>
  );
}
