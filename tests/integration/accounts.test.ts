// Sign-in rate limits, one-time codes, email links and session revocation against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError, UserError } from "@/lib/actions/errors";
import { setPassword } from "@/lib/auth/accounts";
import { isEmailTokenUsable, issueEmailToken, redeemEmailToken } from "@/lib/auth/email-tokens";
import { checkPassword, WRONG_CREDENTIALS } from "@/lib/auth/password-check";
import { consumeRecoveryCode, regenerateRecoveryCodes, remainingRecoveryCodes } from "@/lib/auth/recovery-codes";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { consumeTotp, currentTotp, decryptTotpSecret, encryptTotpSecret, newTotpSecret } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "../support/factories";

const request = (ip: string) => ({ ip, userAgent: "vitest" });

beforeAll(async () => {
  await db.$connect();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("sign-in brute force protection", () => {
  it("refuses the 11th wrong password in a minute — even with the right password — and says when to retry", async () => {
    const victim = await createUser(db);
    const other = await createUser(db);
    const attacker = request("203.0.113.7");

    for (let attempt = 1; attempt <= 10; attempt++) {
      await expect(checkPassword(victim.email, `wrong-${attempt}`, attacker)).rejects.toThrow(WRONG_CREDENTIALS);
    }
    const blocked = await checkPassword(victim.email, TEST_PASSWORD, attacker).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(RateLimitedError);
    expect((blocked as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((blocked as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((blocked as RateLimitedError).message).toMatch(/Try again in (\d+ seconds?|1 minute)\./);

    // Other accounts from the same address, and the same account from elsewhere, still work.
    await expect(checkPassword(other.email, TEST_PASSWORD, attacker)).resolves.toMatchObject({ id: other.id });
    await expect(checkPassword(victim.email, TEST_PASSWORD, request("198.51.100.1"))).resolves.toMatchObject({ id: victim.id });

    const failures = await db.activityEvent.count({ where: { userId: victim.id, type: "sign_in_failed" } });
    expect(failures).toBe(10);
  });

  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const error = await checkPassword("nobody-here@example.com", "whatever-123456", request("192.0.2.1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(WRONG_CREDENTIALS);
  });
});

describe("one-time codes", () => {
  it("accepts a TOTP code once: the same code (and its time step) is refused the second time", async () => {
    const user = await createUser(db);
    const secret = newTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { ...encryptTotpSecret(user.id, secret), totpEnabledAt: new Date() } });
    const code = await currentTotp(secret);
    const [first, second] = await Promise.all([consumeTotp(user.id, code), consumeTotp(user.id, code)]);
    expect([first, second].sort()).toEqual([false, true]); // even when both arrive at once
    expect(await consumeTotp(user.id, code)).toBe(false);
    expect(await consumeTotp(user.id, "000000")).toBe(false);
    expect(await consumeTotp(user.id, "12345")).toBe(false);
  });

  it("stores the TOTP secret encrypted, bound to its user", async () => {
    const user = await createUser(db);
    const secret = newTotpSecret();
    const sealed = encryptTotpSecret(user.id, secret);
    expect(Buffer.from(sealed.totpSecretEnc).toString("latin1")).not.toContain(secret);
    expect(decryptTotpSecret(user.id, sealed.totpSecretEnc)).toBe(secret);
    const other = await createUser(db);
    expect(() => decryptTotpSecret(other.id, sealed.totpSecretEnc)).toThrow();
  });

  it("accepts each recovery code once, whatever its spacing or case", async () => {
    const user = await createUser(db);
    const codes = await regenerateRecoveryCodes(user.id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    expect(await consumeRecoveryCode(user.id, codes[0]!.toUpperCase())).toBe(true);
    expect(await consumeRecoveryCode(user.id, codes[0]!)).toBe(false);
    expect(await remainingRecoveryCodes(user.id)).toBe(9);
    const other = await createUser(db);
    expect(await consumeRecoveryCode(other.id, codes[1]!)).toBe(false); // codes belong to one account
  });
});

describe("email links", () => {
  it("are single use", async () => {
    const user = await createUser(db);
    const token = await issueEmailToken(user.id, "reset_password");
    expect(await isEmailTokenUsable(token, "reset_password")).toBe(true);
    expect(await isEmailTokenUsable(token, "verify_email")).toBe(false); // and for one purpose
    expect(await redeemEmailToken(token, "reset_password")).toBe(user.id);
    expect(await redeemEmailToken(token, "reset_password")).toBeNull();
    const stored = await db.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toBe(token);
  });

  it("expire", async () => {
    const user = await createUser(db);
    const token = await issueEmailToken(user.id, "reset_password");
    await db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isEmailTokenUsable(token, "reset_password")).toBe(false);
    expect(await redeemEmailToken(token, "reset_password")).toBeNull();
    expect(await redeemEmailToken("not a token", "reset_password")).toBeNull();
  });

  it("a password reset signs out every existing session", async () => {
    const user = await createUser(db);
    const version = user.sessionVersion;
    expect(await isSessionCurrent(user.id, version)).toBe(true);
    await setPassword(user, "another-long-passphrase-91", request("192.0.2.9"), "password_reset");
    expect(await isSessionCurrent(user.id, version)).toBe(false);
    expect(await isSessionCurrent(user.id, version + 1)).toBe(true);
    const outbox = await db.outboxEmail.findFirst({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(outbox?.subject).toBe("Your Hashwork password was changed");
    await expect(checkPassword(user.email, TEST_PASSWORD, request("192.0.2.9"))).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("closed accounts have no sessions", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { status: "closing" } });
    expect(await isSessionCurrent(user.id, user.sessionVersion)).toBe(false);
  });
});
