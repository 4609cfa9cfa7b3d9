// next-auth: JWT sessions carrying the user id, a session version and the id of a session row.
// Every use of a session re-reads both, so signing out (which ends the row), 2FA turned on or off
// elsewhere, a password change (which bumps the version), a closed account or a deleted user
// ends the session at once, and no session outlives its row's absolute lifetime.
import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { SESSION_IDLE_SECONDS, sessionSecrets } from "./session-cookie";
import { endSession, maySignIn, sessionUser, startSession } from "./session-version";
import { verifyToken } from "./signed-token";
import { routes } from "@/lib/routes";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The session row's id; it grants nothing without the signed cookie. */
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Its own key derived from AUTH_SECRET; older listed secrets still open existing sessions.
  secret: sessionSecrets(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: routes.signIn() },
  providers: [
    // The only credential accepted is a ticket our own sign-in actions mint after checking the
    // password (and the second factor). It never leaves the server.
    Credentials({
      credentials: { ticket: {} },
      async authorize(credentials) {
        const userId = verifyToken("sign-in-ticket", credentials?.ticket);
        if (!userId) return null;
        const user = await db.user.findUnique({
          where: { id: userId },
          select: { id: true, email: true, status: true, sessionVersion: true },
        });
        if (!user || !maySignIn(user.status)) return null;
        return {
          id: user.id,
          email: user.email,
          sessionVersion: user.sessionVersion,
          sessionId: await startSession(user.id),
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = user.sessionId;
        return token;
      }
      // next-auth's own routes (its session endpoint, sign-out) check the session as pages do.
      return (await sessionUser(token.sub, token.sv, token.sid)) ? token : null;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
  events: {
    // Signing out ends the session on the server too, so a copy of the cookie is worthless.
    async signOut(message) {
      if ("token" in message) await endSession(message.token?.sid);
    },
  },
});
