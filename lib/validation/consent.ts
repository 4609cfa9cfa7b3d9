// Input of the consent forms (communication preferences, cookie banner, terms) and of the
// analytics beacon, shared by each form and its action or route.
import { z } from "zod";

const checkbox = z.literal("on").optional();

export const marketingPreferenceInput = z.object({ marketing: checkbox });

export const cookieChoiceInput = z.object({
  choice: z.enum(["all", "essential", "custom"], { error: "Choose which cookies to allow." }),
  analytics: checkbox,
  advertising: checkbox,
});
export type CookieChoiceInput = z.output<typeof cookieChoiceInput>;

/** The choice a banner button means: "all" and "essential" ignore the boxes. */
export function choiceOf(input: CookieChoiceInput): { analytics: boolean; advertising: boolean } {
  if (input.choice === "all") return { analytics: true, advertising: true };
  if (input.choice === "essential") return { analytics: false, advertising: false };
  return { analytics: input.analytics === "on", advertising: input.advertising === "on" };
}

export const acceptTermsInput = z.object({
  version: z.string({ error: "Reload the page and accept the terms again." }).max(20),
});

/** A page view: a path of this site, without query or fragment (those may hold personal data). */
export const pageViewInput = z.object({
  path: z
    .string()
    .max(200)
    .regex(/^\/[A-Za-z0-9\-._~/%]*$/),
});
