// Input of the account forms, shared by each form and its action.
import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/auth/password-policy";
import { env } from "@/lib/env";
import { routes } from "@/lib/routes";
import { browserTimeZoneField } from "./settings";

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

// Length and strength of new passwords are checked by passwordProblem (zxcvbn) in the action.
const newPassword = z
  .string({ error: "Choose a password." })
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
const anyPassword = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX, "That password is too long.");
const checkbox = z.literal("on").optional();

export const signUpInput = z.object({
  email: emailField,
  password: newPassword,
  acceptTerms: z.literal("on", { error: "Accept the terms and the privacy policy to create an account." }),
  // The version of the terms of service the form showed (lib/privacy/terms).
  termsVersion: z.string({ error: "Reload the page and accept the terms again." }).max(20),
  marketingOptIn: checkbox,
  // Filled in by the browser (Intl); missing or unknown means UTC, never a refused sign-up.
  timeZone: browserTimeZoneField,
  callbackUrl: z.string().max(500).optional(),
});
export type SignUpInput = z.output<typeof signUpInput>;

export const signInInput = z.object({
  email: emailField,
  password: anyPassword,
  callbackUrl: z.string().max(500).optional(),
});

export const secondFactorInput = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app." })
    .trim()
    .min(6, "Enter the 6-digit code, or a recovery code.")
    .max(14, "That code is too long."),
  callbackUrl: z.string().max(500).optional(),
});

export const requestResetInput = z.object({ email: emailField });

export const resetPasswordInput = z.object({
  token: z.string().max(100),
  password: newPassword,
});

export const changePasswordInput = z.object({
  currentPassword: anyPassword,
  newPassword,
});

export const totpCodeInput = z.object({
  code: z
    .string({ error: "Enter the 6-digit code." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your app."),
});

export const enableTotpInput = totpCodeInput.extend({ password: anyPassword });

export const disableTotpInput = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .min(6, "Enter the 6-digit code or a recovery code.")
    .max(14, "That code is too long."),
});

export const confirmEmailInput = z.object({ token: z.string().max(100) });

/**
 * Where to go after signing in: a path on this site, else /dashboard (no open redirects). The
 * value is parsed as the browser would parse it against the app's address and kept only when it
 * stays on the app's origin. Browsers drop tabs and newlines inside URLs and read a backslash as a slash,
 * and the path may be decoded once more on its way, so values with control characters or
 * backslashes, raw or percent-encoded, and paths that decode to "//", are refused outright.
 */
export function safeCallbackUrl(value: string | undefined | null, appUrl: string = env().APP_URL): string {
  const fallback = routes.dashboard.home;
  if (!value || !value.startsWith("/")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if ([value, decoded].some((text) => /[\u0000-\u001f\u007f\\]/.test(text)) || decoded.startsWith("//"))
    return fallback;
  const app = new URL(appUrl);
  let url: URL;
  try {
    url = new URL(value, app);
  } catch {
    return fallback;
  }
  if (url.origin !== app.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
