// The signed-in user, for pages, actions and route handlers. Authorisation always happens here,
// on the server, whatever proxy.ts did.
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { auth, checkedSessionUser } from "./config";
import { can, type Permission } from "./permissions";
import { SESSION_USER_SELECT } from "./session-version";
import { routes } from "@/lib/routes";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export type CurrentUser = {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  totpEnabledAt: Date | null;
  /** IANA zone the customer's pages show dates in. */
  timeZone: string;
};

/**
 * The user behind this request's session, read fresh from the database; null if none. Once per
 * request: layouts and pages share it (React's cache), and in a page render the session check
 * already read it (config.ts, checkedSessionUser).
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) {
    await assertSessionWasChecked();
    return null;
  }
  const checked = checkedSessionUser().user;
  if (checked?.id === session.user.id) return checked;
  return db.user.findUnique({ where: { id: session.user.id }, select: SESSION_USER_SELECT });
});

/**
 * A session cookie that did not yield a session is either invalid or could not be checked: the
 * check reads the database, and next-auth reports a failed read as "no session". Sending a
 * signed-in customer to sign-in because the database blinked would be wrong; this throws
 * instead, so the request fails as the outage it is (the server answers 503, try again).
 */
async function assertSessionWasChecked(): Promise<void> {
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return;
  await db.$queryRaw`SELECT 1`; // throws while the database is unreachable
}

/** The id of this request's session (to keep it when ending the account's other sessions). */
export const currentSessionId = cache(async (): Promise<string | null> => (await auth())?.sessionId || null);

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(routes.signIn(returnTo));
  return user;
}

/**
 * The signed-in user holding `permission`; anyone else gets a 404, so staff pages stay unseen.
 * Staff without two-factor authentication are sent to turn it on first.
 */
export async function requirePermission(permission: Permission, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user.role, permission)) notFound();
  if (!user.totpEnabledAt) redirect(routes.dashboard.staffTwoFactor); // staff must turn 2FA on first
  return user;
}
