// Sessions end on the server: signing out, 2FA changes, password changes and resets, age.
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { setPassword } from "@/lib/auth/accounts";
import {
  endSession,
  isSessionCurrent,
  SESSION_ABSOLUTE_MS,
  sessionUser,
  startSession,
} from "@/lib/auth/session-version";
import { currentTotp, encryptTotpSecret, newTotpSecret } from "@/lib/auth/totp";
import { disableTotp, enableTotp } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "../support/factories";

const request = { ip: "192.0.2.77", userAgent: "vitest" };

afterAll(async () => {
  await db.$disconnect();
});

async function signedInTwice() {
  const user = await createUser(db);
  const laptop = await startSession(user.id);
  const phone = await startSession(user.id);
  const current = (session: string) => isSessionCurrent(user.id, user.sessionVersion, session);
  return { user, laptop, phone, current };
}

describe("sessions", () => {
  it("signing out ends that session on the server, and only that one", async () => {
    const { laptop, phone, current } = await signedInTwice();
    expect(await current(laptop)).toBe(true);
    await endSession(laptop);
    expect(await current(laptop)).toBe(false); // a copy of the cookie is worthless now
    expect(await current(phone)).toBe(true);
  });

  it("end 30 days after signing in, however active they stay", async () => {
    const user = await createUser(db);
    const now = Date.now();
    const old = await startSession(user.id, new Date(now - SESSION_ABSOLUTE_MS - 60_000));
    const recent = await startSession(user.id, new Date(now - SESSION_ABSOLUTE_MS + 60 * 60_000));
    expect(SESSION_ABSOLUTE_MS).toBe(30 * 24 * 60 * 60 * 1000);
    expect(await isSessionCurrent(user.id, user.sessionVersion, old)).toBe(false);
    expect(await isSessionCurrent(user.id, user.sessionVersion, recent)).toBe(true);
  });

  it("belong to one user and need an id (cookies from before per-session ids are refused)", async () => {
    const { user, laptop } = await signedInTwice();
    const other = await createUser(db);
    expect(await isSessionCurrent(other.id, other.sessionVersion, laptop)).toBe(false);
    expect(await isSessionCurrent(user.id, user.sessionVersion, undefined)).toBe(false);
    expect(await isSessionCurrent(user.id, user.sessionVersion, "not-a-session")).toBe(false);
  });

  it("turning 2FA on needs the password again and ends every other session, not this one", async () => {
    const { user, laptop, phone, current } = await signedInTwice();
    const secret = newTotpSecret();
    await db.user.update({ where: { id: user.id }, data: encryptTotpSecret(user.id, secret) });

    const refused = await enableTotp(
      user,
      { password: "not-my-password-1", code: await currentTotp(secret) },
      request,
      laptop,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).fieldErrors?.password).toBeDefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await current(phone)).toBe(true);

    const codes = await enableTotp(user, { password: TEST_PASSWORD, code: await currentTotp(secret) }, request, laptop);
    expect(codes).toHaveLength(10);
    expect(await current(laptop)).toBe(true);
    expect(await current(phone)).toBe(false);
  });

  it("turning 2FA off ends every other session, not this one", async () => {
    const { user, laptop, phone, current } = await signedInTwice();
    const secret = newTotpSecret();
    await db.user.update({
      where: { id: user.id },
      data: { ...encryptTotpSecret(user.id, secret), totpEnabledAt: new Date() },
    });
    await disableTotp(user, await currentTotp(secret), request, phone);
    expect(await current(phone)).toBe(true);
    expect(await current(laptop)).toBe(false);
  });

  it("a password change or reset ends every session", async () => {
    const { user, laptop, phone } = await signedInTwice();
    await setPassword(user, "another-long-passphrase-91", request, "password_changed");
    expect(await isSessionCurrent(user.id, user.sessionVersion, laptop)).toBe(false);
    expect(await isSessionCurrent(user.id, user.sessionVersion + 1, phone)).toBe(false);
    // The browser that changed it signs in afresh (completeSignIn), with a new session.
    expect(await isSessionCurrent(user.id, user.sessionVersion + 1, await startSession(user.id))).toBe(true);
  });

  it("the check reads the user it lets in, and lets in only active and restricted accounts", async () => {
    const { user, laptop } = await signedInTwice();
    expect(await sessionUser(user.id, user.sessionVersion, laptop)).toEqual({
      id: user.id,
      email: user.email,
      displayName: null,
      role: "customer",
      status: "active",
      emailVerifiedAt: user.emailVerifiedAt,
      totpEnabledAt: null,
      timeZone: "UTC",
    });
    await db.user.update({ where: { id: user.id }, data: { status: "restricted" } });
    expect((await sessionUser(user.id, user.sessionVersion, laptop))?.status).toBe("restricted");
    for (const status of ["closing", "closed"] as const) {
      await db.user.update({ where: { id: user.id }, data: { status } });
      expect(await sessionUser(user.id, user.sessionVersion, laptop)).toBeNull();
    }
  });

  it("refuses a token whose fields are not what sign-in writes, without asking the database to parse them", async () => {
    const { user, laptop } = await signedInTwice();
    for (const [userId, version, session] of [
      ["not-a-uuid", user.sessionVersion, laptop],
      [user.id, String(user.sessionVersion), laptop],
      [user.id, user.sessionVersion + 0.5, laptop],
      [user.id, null, laptop],
      [undefined, user.sessionVersion, laptop],
      [user.id, user.sessionVersion, "' OR 1=1 --"],
    ] as const) {
      expect(await sessionUser(userId, version, session)).toBeNull();
    }
  });
});
