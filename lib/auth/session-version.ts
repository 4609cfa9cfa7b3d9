// Whether a session minted for (userId, version) is still good: the user exists, may sign in,
// and has not changed or reset their password since (which bumps the version).
import "server-only";
import { db } from "@/lib/db";

export const SIGN_IN_STATUSES = ["active", "restricted"] as const;

export function maySignIn(status: string): boolean {
  return (SIGN_IN_STATUSES as readonly string[]).includes(status);
}

export async function isSessionCurrent(userId: string, version: unknown): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, status: true } });
  return Boolean(user && user.sessionVersion === version && maySignIn(user.status));
}
