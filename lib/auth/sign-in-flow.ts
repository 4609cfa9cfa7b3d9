// The steps of signing in, shared by the sign-in and second-factor actions: the password check
// (password-check.ts), the second-factor challenge cookie, and the hand-over to next-auth.
import "server-only";
import { cookies } from "next/headers";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { env } from "@/lib/env";
import { signIn } from "./config";
import { signToken, verifyToken } from "./signed-token";

const CHALLENGE_COOKIE = "hw_2fa";
const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** A non-secret hint for the static header ("Account" instead of "Sign in"); the session itself is HttpOnly. */
export const SIGNED_IN_HINT_COOKIE = "hw_signed_in";

/** Remembers, for five minutes, that this browser passed the password step for `userId`. */
export async function startSecondFactorChallenge(userId: string): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, signToken("second-factor-challenge", userId, CHALLENGE_TTL_MS), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

/** The user who passed the password step in this browser, if the challenge is still fresh. */
export async function pendingSecondFactorUser(): Promise<string | null> {
  return verifyToken("second-factor-challenge", (await cookies()).get(CHALLENGE_COOKIE)?.value);
}

/** Records the sign-in and starts the session; redirects to `callbackUrl` (throws NEXT_REDIRECT). */
export async function completeSignIn(
  userId: string,
  request: RequestInfo,
  callbackUrl: string,
  details?: Record<string, string>,
): Promise<never> {
  await recordActivity(userId, "sign_in", request, details);
  const jar = await cookies();
  jar.delete(CHALLENGE_COOKIE);
  jar.set(SIGNED_IN_HINT_COOKIE, "1", { sameSite: "lax", path: "/", maxAge: 7 * 24 * 60 * 60 });
  await signIn("credentials", { ticket: signToken("sign-in-ticket", userId, 60_000), redirectTo: callbackUrl });
  throw new Error("signIn did not redirect");
}
