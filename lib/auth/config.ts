// next-auth: JWT sessions carrying the user id and a session version. Every use of a session
// re-reads the user, so a password change (which bumps the version), a closed account or a
// deleted user ends every older session at once.
import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { keysFor } from "@/lib/crypto/derived-keys";
import { isSessionCurrent, maySignIn } from "./session-version";
import { verifyToken } from "./signed-token";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Its own key derived from AUTH_SECRET; older listed secrets still open existing sessions.
  secret: keysFor("session").map((key) => key.toString("base64url")),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
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
        return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        return token;
      }
      if (!token.sub || !(await isSessionCurrent(token.sub, token.sv))) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      return session;
    },
  },
});
