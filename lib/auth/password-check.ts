// The password step of signing in, with its rate limits: after 10 failures in a minute for one
// account from one address, or 20 in 15 minutes for one account from anywhere, even the right
// password is refused until the window is over. A point is taken before the password is
// checked and given back when it is right, so parallel guesses cannot outrun the count.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { givePointsBack, resetLimit, takePoints, type LimitKey } from "./rate-limit";

export const WRONG_CREDENTIALS = "That email and password do not match an account.";

// Checking a password for an unknown email takes as long as for a known one.
let dummyHash: Promise<string> | undefined;

/** The account behind a correct email and password; RateLimitedError once a limit is used up. */
export async function checkPassword(email: string, password: string, request: RequestInfo) {
  const ip = request.ip ?? "unknown";
  const accountKey = `${email}|${ip}`;
  // Unknown emails are counted the same way, so the limits say nothing about who has an account.
  const limits: LimitKey[] = [
    ["signInFailuresPerAccountAndIp", accountKey],
    ["signInFailuresPerAccount", email],
    ["signInFailuresPerIp", ip],
  ];
  await takePoints(limits);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password-0")), password).then(() => false);

  if (!user || !valid) {
    if (user) await recordActivity(user.id, "sign_in_failed", request);
    throw new UserError(WRONG_CREDENTIALS);
  }
  await givePointsBack(limits);
  if (user.status === "closing" || user.status === "closed") {
    throw new UserError("This account is closed. Contact support if you think this is a mistake.");
  }
  await resetLimit("signInFailuresPerAccountAndIp", accountKey);
  return { id: user.id, needsSecondFactor: user.totpEnabledAt !== null };
}

/** Asks a signed-in user for their password again before a sensitive change (same limits as signing in). */
export async function confirmPassword(user: { email: string }, password: string, request: RequestInfo): Promise<void> {
  try {
    await checkPassword(user.email, password, request);
  } catch (error) {
    if (error instanceof UserError && error.constructor === UserError) {
      throw new UserError("Your password is not right.", { password: ["Check your password."] });
    }
    throw error;
  }
}
