// Whether a session is still good. Each sign-in gets a row (UserSession) whose id the session
// cookie carries: the row must not be ended (signing out, or 2FA turned on or off elsewhere) nor
// past its absolute lifetime, the user must exist and may sign in, and the user's session version
// (bumped by a password change or reset) must be the one the session was minted with.
import "server-only";
import { db } from "@/lib/db";

export const SIGN_IN_STATUSES = ["active", "restricted"] as const;
/** However active, a session ends 30 days after signing in (without use, after 7: session-cookie.ts). */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function maySignIn(status: string): boolean {
  return (SIGN_IN_STATUSES as readonly string[]).includes(status);
}

/** Opens a session for a user who just signed in; returns its id. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    select: { id: true },
  });
  return session.id;
}

/** What pages and actions know of the signed-in user (lib/auth/session.ts). */
export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  status: true,
  emailVerifiedAt: true,
  totpEnabledAt: true,
  timeZone: true,
} as const;

/**
 * The user behind a session when the session is still good (see the top of this file), read
 * together with the check in one query; null otherwise.
 */
export async function sessionUser(userId: unknown, version: unknown, sessionId: unknown, now = new Date()) {
  if (typeof userId !== "string" || !UUID.test(userId)) return null;
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return null;
  return db.user.findFirst({
    where: {
      id: userId,
      sessionVersion: version,
      status: { in: [...SIGN_IN_STATUSES] },
      sessions: { some: { id: sessionId, endedAt: null, expiresAt: { gt: now } } },
    },
    select: SESSION_USER_SELECT,
  });
}

export async function isSessionCurrent(
  userId: string,
  version: unknown,
  sessionId: unknown,
  now = new Date(),
): Promise<boolean> {
  return (await sessionUser(userId, version, sessionId, now)) !== null;
}

/** Ends one session (signing out): the cookie is worthless from now on, even if kept. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every session of the user but `keep` (the browser making the change); all of them without it. */
export async function endOtherSessions(
  userId: string,
  keep: string | null,
  client: Pick<typeof db, "userSession"> = db,
): Promise<void> {
  await client.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: new Date() },
  });
}
