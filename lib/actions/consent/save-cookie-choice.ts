"use server";

// Saves a browser's cookie choice from the banner or "Cookie settings": a signed cookie keeps
// it, a signed-in customer's consent history records it, and turning analytics off removes
// the analytics cookie at once.
import { cookies } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { env } from "@/lib/env";
import { recordCookieChoice } from "@/lib/privacy/consent/choices";
import { ANALYTICS_COOKIE, CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS } from "@/lib/privacy/cookies/consent-cookie";
import { cookieState, signCookieChoice, type CookieState } from "@/lib/privacy/cookies/state";
import { choiceOf, cookieChoiceInput } from "@/lib/validation/consent";

export const saveCookieChoiceAction = defineAction(
  { access: "public", input: cookieChoiceInput },
  async (input, ctx): Promise<{ ok: true; data: CookieState; message: string }> => {
    const choice = choiceOf(input);
    if (ctx.user) await recordCookieChoice(ctx.user.id, choice, ctx.request);
    const value = signCookieChoice(choice);
    const jar = await cookies();
    jar.set(CONSENT_COOKIE, value, {
      path: "/",
      maxAge: CONSENT_MAX_AGE_SECONDS,
      sameSite: "lax",
      secure: env().APP_URL.startsWith("https:"),
    });
    if (!choice.analytics) jar.delete(ANALYTICS_COOKIE);
    const state = await cookieState(value, ctx.user?.id ?? null);
    return { ok: true, data: state, message: "Your cookie choice is saved." };
  },
);
