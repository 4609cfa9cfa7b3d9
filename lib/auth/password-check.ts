// The password step of signing in, with its rate limits: after 10 failures in a minute for one
// account from one address, even the right password is refused until the minute is over.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { assertNotLimited, recordFailure, resetLimit } from "./rate-limit";

export const WRONG_CREDENTIALS = "That email and password do not match an account.";

// Checking a password for an unknown email takes as long as for a known one.
let dummyHash: Promise<string> | undefined;

/** The account behind a correct email and password. Refuses after 10 failures a minute per account and address. */
export async function checkPassword(email: string, password: string, request: RequestInfo) {
  const ip = request.ip ?? "unknown";
  const accountKey = `${email}|${ip}`;
  await assertNotLimited("signInFailuresPerAccountAndIp", accountKey);
  await assertNotLimited("signInFailuresPerIp", ip);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password-0")), password).then(() => false);

  if (!user || !valid) {
    await recordFailure("signInFailuresPerAccountAndIp", accountKey);
    await recordFailure("signInFailuresPerIp", ip);
    if (user) await recordActivity(user.id, "sign_in_failed", request);
    throw new UserError(WRONG_CREDENTIALS);
  }
  if (user.status === "closing" || user.status === "closed") {
    throw new UserError("This account is closed. Contact support if you think this is a mistake.");
  }
  await resetLimit("signInFailuresPerAccountAndIp", accountKey);
  return { id: user.id, needsSecondFactor: user.totpEnabledAt !== null };
}

