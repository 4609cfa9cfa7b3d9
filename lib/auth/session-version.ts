// Whether a session is still good. Each sign-in gets a row (UserSession) whose id the session
// cookie carries: the row must not be ended (signing out, or 2FA turned on or off elsewhere) nor
// past its absolute lifetime, the user must exist and may sign in, and the user's session version
// (bumped by a password change or reset) must be the one the session was minted with.
import "server-only";
import { db } from "@/lib/db";

export const SIGN_IN_STATUSES = ["active", "restricted"] as const;
/** Without activity a session ends after 7 days (the cookie's sliding lifetime)… */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** …and, however active, 30 days after signing in. */
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

export async function isSessionCurrent(
  userId: string,
  version: unknown,
  sessionId: unknown,
  now = new Date(),
): Promise<boolean> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return false;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, endedAt: true, user: { select: { sessionVersion: true, status: true } } },
  });
  return Boolean(
    session &&
    session.userId === userId &&
    !session.endedAt &&
    session.expiresAt > now &&
    session.user.sessionVersion === version &&
    maySignIn(session.user.status),
  );
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
