// The signed-in user, for pages, actions and route handlers. Authorisation always happens here,
// on the server, whatever proxy.ts did.
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "./permissions";
import { sessionClaims } from "./session-cookie";
import { sessionUser } from "./session-version";
import { routes } from "@/lib/routes";

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
 * This request's session: its cookie decrypted (session-cookie.ts) and checked against the
 * database in one query (sessionUser), once per request. Null without a cookie, for one that
 * does not decrypt, and for a session that has ended. A database that cannot be reached is an
 * error, not "signed out": the request fails as the outage it is (the server answers 503, try
 * again) instead of sending a signed-in customer to sign in.
 */
const requestSession = cache(async (): Promise<{ user: CurrentUser; sessionId: string } | null> => {
  const jar = await cookies();
  const claims = await sessionClaims((name) => jar.get(name)?.value);
  if (!claims) return null;
  const user = await sessionUser(claims.userId, claims.version, claims.sessionId);
  return user ? { user, sessionId: claims.sessionId as string } : null;
});

/** The user behind this request's session, read fresh from the database; null if none. */
export async function currentUser(): Promise<CurrentUser | null> {
  return (await requestSession())?.user ?? null;
}

/** The id of this request's session (to keep it when ending the account's other sessions). */
export async function currentSessionId(): Promise<string | null> {
  return (await requestSession())?.sessionId ?? null;
}

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
