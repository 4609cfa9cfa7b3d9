"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { buttonBase } from "@/components/ui/button-link";
import { saveCookieChoiceAction } from "@/lib/actions/consent/save-cookie-choice";
import { routes } from "@/lib/routes";
import { CONSENT_COOKIE, OPEN_COOKIE_SETTINGS } from "@/lib/privacy/cookies/names";
import type { CookieState } from "@/lib/privacy/cookies/state";

const SCRIPT_ID = "hashwork-analytics";
const PAGE_VIEW_EVENT = "hashwork:pageview";
const REFUSED_EVENT = "hashwork:analytics-refused";

type Allowed = Pick<CookieState, "analytics" | "advertising">;
type Phase = "checking" | "ask" | "decided";
const UNDECIDED: CookieState = { decided: false, analytics: false, advertising: false, restricted: false };

// Whether this browser holds a choice cookie at all (only then is the server asked about it).
const neverChanges = () => () => {};
const readHasChoiceCookie = () => document.cookie.split("; ").some((entry) => entry.startsWith(`${CONSENT_COOKIE}=`));

declare global {
  interface Window {
    hashworkAnalytics?: { stop(): void };
  }
}

/** Loads our own analytics script once analytics is allowed, and stops and removes it when not. */
function useAnalyticsScript(enabled: boolean) {
  const pathname = usePathname();
  const firstPath = useRef<string | null>(null);
  useEffect(() => {
    const existing = document.getElementById(SCRIPT_ID);
    if (enabled && !existing) {
      firstPath.current = window.location.pathname;
      const script = document.createElement("script");
      script.id = SCRIPT_ID;
      script.src = "/analytics.js";
      script.async = true;
      document.body.appendChild(script);
    }
    if (!enabled && existing) {
      window.hashworkAnalytics?.stop();
      delete window.hashworkAnalytics;
      existing.remove();
    }
  }, [enabled]);
  useEffect(() => {
    // The script counts the page it loads on; later client-side navigations are told to it.
    if (!enabled || pathname === firstPath.current) return;
    firstPath.current = null;
    window.dispatchEvent(new Event(PAGE_VIEW_EVENT));
  }, [enabled, pathname]);
}

// The cookie banner: essential cookies only until the visitor chooses; analytics and advertising
// are opt-in with buttons of equal weight, and "Cookie settings" in the footer opens it again.
// A fixed overlay, so it never moves the page (no layout shift).
export function CookieBanner() {
  const hasChoiceCookie = useSyncExternalStore(neverChanges, readHasChoiceCookie, () => null);
  // What the server says this browser may run: from /api/consent, or the answer of a save.
  const [server, setServer] = useState<CookieState | null>(null);
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [submitted, setSubmitted] = useState<string | null>(null);
  const dialog = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const phase: Phase = server ? (server.decided ? "decided" : "ask") : hasChoiceCookie === false ? "ask" : "checking";
  const allowed: Allowed = server ?? { analytics: false, advertising: false };
  const restricted = server?.restricted ?? false;
  useAnalyticsScript(phase === "decided" && allowed.analytics);

  // Asks the server what this browser may run: on load when a choice cookie exists, and again
  // when the beacon is refused (signed in to a restricted account, say).
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!hasChoiceCookie && asked === 0) return;
    let live = true;
    fetch(routes.api.consent, { cache: "no-store", credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<CookieState>) : null))
      .then((answer) => {
        if (live) setServer(answer ?? UNDECIDED);
      })
      .catch(() => {
        if (live) setServer(UNDECIDED);
      });
    return () => {
      live = false;
    };
  }, [hasChoiceCookie, asked]);
  useEffect(() => {
    const askAgain = () => setAsked((count) => count + 1);
    window.addEventListener(REFUSED_EVENT, askAgain);
    return () => window.removeEventListener(REFUSED_EVENT, askAgain);
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    setChoosing(false);
    setError(null);
    returnFocus.current?.focus();
  }, []);

  const save = (data: FormData, value: string | null) => {
    setSubmitted(value);
    startTransition(async () => {
      const result = await saveCookieChoiceAction(null, data);
      if (result?.ok) {
        setServer(result.data);
        close();
      } else {
        setError(result?.error ?? "Your choice could not be saved. Please try again.");
      }
    });
  };

  useEffect(() => {
    const openSettings = () => {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(true);
      setChoosing(true);
    };
    window.addEventListener(OPEN_COOKIE_SETTINGS, openSettings);
    return () => window.removeEventListener(OPEN_COOKIE_SETTINGS, openSettings);
  }, []);

  // Rendered while checking too, so a first visit paints the banner with the page (it is in the
  // HTML) rather than after the scripts run; a browser that holds a choice hides it meanwhile
  // (lib/privacy/cookies/choice-script.ts), and it goes once the server confirms the choice.
  const visible = phase !== "decided" || open;
  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);

  if (!visible) return null;
  const canClose = open && phase === "decided";
  // Until the page's scripts run, the buttons could only submit the form natively.
  const checking = phase === "checking" && !open;
  const button = `${buttonBase} ring-1 disabled:cursor-wait disabled:opacity-70`;
  const strong = `${button} bg-amber-400 text-zinc-950 ring-amber-500/50 hover:bg-amber-300 dark:bg-amber-500 dark:hover:bg-amber-400`;
  const plain = `${button} bg-surface text-fg ring-line hover:bg-chip`;
  const label = (value: string, idle: string) => (pending && submitted === value ? "Saving…" : idle);

  return (
    <section
      ref={dialog}
      role="dialog"
      aria-modal="false"
      aria-labelledby="cookie-banner-title"
      aria-describedby="cookie-banner-text"
      data-cookie-banner={phase}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Escape" && canClose) close();
      }}
      className="fixed inset-x-3 bottom-3 z-40 max-h-[calc(100dvh-1.5rem)] overflow-y-auto rounded-xl border border-line bg-surface p-5 text-sm text-fg shadow-lg sm:left-auto sm:right-4 sm:bottom-4 sm:w-[28rem]"
    >
      <h2 id="cookie-banner-title" className="text-base font-semibold">
        Cookies on Hashwork
      </h2>
      <p id="cookie-banner-text" className="mt-2 leading-6 text-muted">
        We use essential cookies to keep you signed in and your forms safe. With your permission we also count page
        views with our own analytics, and may use advertising cookies. Nothing optional runs until you choose.{" "}
        <Link href={routes.privacyCookies} className="text-accent-ink underline underline-offset-4">
          How we use cookies
        </Link>
      </p>
      <form
        className="mt-4"
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          save(new FormData(event.currentTarget, submitter), submitter?.value ?? null);
        }}
      >
        {choosing ? (
          <fieldset className="space-y-3">
            <legend className="sr-only">Cookie choices</legend>
            <label className="flex items-start gap-3">
              <input type="checkbox" checked disabled className="mt-1 accent-amber-500" />
              <span>
                <span className="font-medium">Essential</span> (always on)
                <span className="block text-muted">Sign-in, security and remembering this choice.</span>
              </span>
            </label>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                name="analytics"
                defaultChecked={allowed.analytics}
                disabled={restricted}
                className="mt-1 accent-amber-500"
              />
              <span>
                <span className="font-medium">Analytics</span>
                <span className="block text-muted">Our own count of which pages are visited. Nothing is shared.</span>
              </span>
            </label>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                name="advertising"
                defaultChecked={allowed.advertising}
                disabled={restricted}
                className="mt-1 accent-amber-500"
              />
              <span>
                <span className="font-medium">Advertising</span>
                <span className="block text-muted">
                  To measure our advertising. We run no advertising scripts today; any we add will wait for this.
                </span>
              </span>
            </label>
            {restricted ? (
              <p className="rounded-md bg-chip px-3 py-2 text-muted">
                Processing is restricted on your account, so analytics and advertising stay off until the restriction is
                lifted.
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {error ? (
          <p
            role="alert"
            className="mt-3 rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-500/10 dark:text-red-300"
          >
            {error}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2">
          {choosing ? (
            <button type="submit" name="choice" value="custom" disabled={pending || checking} className={strong}>
              {label("custom", "Save choices")}
            </button>
          ) : null}
          <button type="submit" name="choice" value="essential" disabled={pending || checking} className={plain}>
            {label("essential", "Essential only")}
          </button>
          <button
            type="submit"
            name="choice"
            value="all"
            disabled={pending || checking || restricted}
            className={plain}
          >
            {label("all", "Accept all")}
          </button>
          {!choosing ? (
            <button type="button" onClick={() => setChoosing(true)} className={plain}>
              Choose
            </button>
          ) : null}
          {canClose ? (
            <button type="button" onClick={close} className={plain}>
              Close
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
