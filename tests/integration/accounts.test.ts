// Sign-in rate limits, one-time codes, email links and session revocation against a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RateLimitedError, UserError } from "@/lib/errors";
import { appLink, setPassword } from "@/lib/auth/accounts";
import { isEmailTokenUsable, issueEmailToken, redeemEmailToken } from "@/lib/auth/email-tokens";
import { checkPassword, WRONG_CREDENTIALS } from "@/lib/auth/password-check";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { consumeRecoveryCode, regenerateRecoveryCodes, remainingRecoveryCodes } from "@/lib/auth/recovery-codes";
import { isSessionCurrent, startSession } from "@/lib/auth/session-version";
import { consumeTotp, currentTotp, decryptTotpSecret, encryptTotpSecret, newTotpSecret } from "@/lib/auth/totp";
import { disableTotp, enableTotp, verifySignInSecondFactor } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { stopJobs } from "@/lib/jobs/runtime";
import { sendMail } from "@/lib/mail/send-mail";
import { resetPasswordMail } from "@/lib/mail/templates";
import { createUser, TEST_PASSWORD } from "../support/factories";

const request = (ip: string) => ({ ip, userAgent: "vitest" });

beforeAll(async () => {
  await db.$connect();
});
afterAll(async () => {
  await stopJobs();
  await db.$disconnect();
});

type Outcome = "accepted" | "refused" | "limited";
const outcome = (attempt: Promise<unknown>): Promise<Outcome> =>
  attempt.then(
    () => "accepted",
    (error: unknown) =>
      error instanceof RateLimitedError ? "limited" : error instanceof UserError ? "refused" : Promise.reject(error),
  );
const countOf = (outcomes: Outcome[], wanted: Outcome) => outcomes.filter((value) => value === wanted).length;

/** A user with a TOTP secret: enabled, or only enrolled (waiting for the first code). */
async function userWithTotp({ enabled }: { enabled: boolean }) {
  const user = await createUser(db);
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: user.id },
    data: { ...encryptTotpSecret(user.id, secret), totpEnabledAt: enabled ? new Date() : null },
  });
  return { user, secret };
}

/** Fifty six-digit codes that are not the current one (nor its neighbours). */
async function wrongCodes(secret: string, count = 50): Promise<string[]> {
  const current = await currentTotp(secret);
  const codes: string[] = [];
  for (let n = 100_000; codes.length < count; n += 7_919) if (String(n) !== current) codes.push(String(n));
  return codes;
}

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
    await expect(checkPassword(victim.email, TEST_PASSWORD, request("198.51.100.1"))).resolves.toMatchObject({
      id: victim.id,
    });

    const failures = await db.activityEvent.count({ where: { userId: victim.id, type: "sign_in_failed" } });
    expect(failures).toBe(10);
  });

  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const error = await checkPassword("nobody-here@example.com", "whatever-123456", request("192.0.2.1")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(WRONG_CREDENTIALS);
  });
});

describe("rate limits take a point before checking, so a parallel burst cannot slip through", () => {
  it("checks at most 10 of 40 parallel wrong passwords for one account", async () => {
    const victim = await createUser(db);
    const attacker = request("203.0.113.40");
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, n) => outcome(checkPassword(victim.email, `wrong-${n}`, attacker))),
    );
    // Every password that reaches verification and fails leaves a sign_in_failed row.
    const checked = await db.activityEvent.count({ where: { userId: victim.id, type: "sign_in_failed" } });
    expect(checked).toBeLessThanOrEqual(10);
    expect(countOf(outcomes, "refused")).toBe(checked);
    expect(countOf(outcomes, "limited")).toBe(40 - checked);
  });

  it("lets at most 5 of 50 parallel wrong sign-in codes reach verification", async () => {
    const { user, secret } = await userWithTotp({ enabled: true });
    const codes = await wrongCodes(secret);
    const outcomes = await Promise.all(
      codes.map((code) => outcome(verifySignInSecondFactor(user.id, code, request("203.0.113.41")))),
    );
    const checked = await db.activityEvent.count({ where: { userId: user.id, type: "sign_in_failed" } });
    expect(checked).toBeLessThanOrEqual(5);
    expect(countOf(outcomes, "refused")).toBe(checked);
    expect(countOf(outcomes, "limited")).toBe(50 - checked);
  });

  it("lets at most 5 of 50 parallel wrong codes through when turning 2FA on, and as many when turning it off", async () => {
    const enrolling = await userWithTotp({ enabled: false });
    const enabled = await userWithTotp({ enabled: true });
    const on = await Promise.all(
      (await wrongCodes(enrolling.secret)).map((code) =>
        outcome(enableTotp(enrolling.user, { password: TEST_PASSWORD, code }, request("203.0.113.42"), null)),
      ),
    );
    const off = await Promise.all(
      (await wrongCodes(enabled.secret)).map((code) =>
        outcome(disableTotp(enabled.user, code, request("203.0.113.42"), null)),
      ),
    );
    for (const [user, outcomes] of [
      [enrolling.user, on],
      [enabled.user, off],
    ] as const) {
      const checked = await db.activityEvent.count({ where: { userId: user.id, type: "second_factor_failed" } });
      expect(checked).toBeLessThanOrEqual(5);
      expect(countOf(outcomes, "refused")).toBe(checked);
      expect(countOf(outcomes, "limited")).toBe(50 - checked);
    }
  });

  it("a right code gives its point back", async () => {
    const { user, secret } = await userWithTotp({ enabled: true });
    for (const code of (await wrongCodes(secret)).slice(0, 4)) {
      await expect(verifySignInSecondFactor(user.id, code, request("203.0.113.43"))).rejects.toThrow(UserError);
    }
    await expect(verifySignInSecondFactor(user.id, await currentTotp(secret), request("203.0.113.43"))).resolves.toBe(
      "totp",
    );
    // Four failures still counted, one point left: the next wrong code is checked, the one after is not.
    await expect(outcome(verifySignInSecondFactor(user.id, "123456", request("203.0.113.43")))).resolves.toBe(
      "refused",
    );
    await expect(outcome(verifySignInSecondFactor(user.id, "123457", request("203.0.113.43")))).resolves.toBe(
      "limited",
    );
  });
});

describe("per-account limit on failed passwords", () => {
  it("refuses the account after 20 failures, from whatever addresses they come", async () => {
    const victim = await createUser(db);
    const outcomes: Outcome[] = [];
    for (let n = 0; n < 30; n++)
      outcomes.push(await outcome(checkPassword(victim.email, `wrong-${n}`, request(`198.18.${n}.7`))));
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("refused"));
    expect(outcomes.slice(20)).toEqual(Array(10).fill("limited"));
    // Even the right password waits, from a new address; other accounts are unaffected.
    await expect(outcome(checkPassword(victim.email, TEST_PASSWORD, request("198.18.200.7")))).resolves.toBe("limited");
    const other = await createUser(db);
    await expect(checkPassword(other.email, TEST_PASSWORD, request("198.18.0.7"))).resolves.toMatchObject({
      id: other.id,
    });
  });
});

describe("one-time codes", () => {
  it("accepts a TOTP code once: the same code (and its time step) is refused the second time", async () => {
    const user = await createUser(db);
    const secret = newTotpSecret();
    await db.user.update({
      where: { id: user.id },
      data: { ...encryptTotpSecret(user.id, secret), totpEnabledAt: new Date() },
    });
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
    const session = await startSession(user.id);
    expect(await isSessionCurrent(user.id, version, session)).toBe(true);
    await setPassword(user, "another-long-passphrase-91", request("192.0.2.9"), "password_reset");
    expect(await isSessionCurrent(user.id, version, session)).toBe(false);
    expect(await isSessionCurrent(user.id, version + 1, await startSession(user.id))).toBe(true);
    const outbox = await db.outboxEmail.findFirst({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(outbox?.subject).toBe("Your Hashwork password was changed");
    await expect(checkPassword(user.email, TEST_PASSWORD, request("192.0.2.9"))).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("a password reset or change voids every outstanding reset link", async () => {
    const user = await createUser(db);
    const used = await issueEmailToken(user.id, "reset_password");
    const outstanding = await issueEmailToken(user.id, "reset_password");
    expect(await redeemEmailToken(used, "reset_password")).toBe(user.id);
    await setPassword(user, "another-long-passphrase-91", request("192.0.2.9"), "password_reset");
    expect(await isEmailTokenUsable(outstanding, "reset_password")).toBe(false);

    const beforeChange = await issueEmailToken(user.id, "reset_password");
    await setPassword(user, "yet-another-passphrase-27", request("192.0.2.9"), "password_changed");
    expect(await redeemEmailToken(beforeChange, "reset_password")).toBeNull();
  });

  it("closed accounts have no sessions", async () => {
    const user = await createUser(db);
    const session = await startSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { status: "closing" } });
    expect(await isSessionCurrent(user.id, user.sessionVersion, session)).toBe(false);
  });
});

/** Rows per table in the app's and the job queue's schemas. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`;
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${schema}"."${name}"`);
    counts[`${schema}.${name}`] = row!.n;
  }
  return counts;
}

async function writesOf(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await rowCounts();
  await work();
  const after = await rowCounts();
  return Object.fromEntries(
    Object.entries(after).flatMap(([table, n]) =>
      n === (before[table] ?? 0) ? [] : [[table, n - (before[table] ?? 0)]],
    ),
  );
}

/** Runs the queued reset-mail jobs for `email` the way the worker does. */
async function runQueuedResetJobs(email: string): Promise<number> {
  const { TASKS } = await import("@/lib/jobs/tasks");
  const jobs = await db.$queryRaw<{ data: { email: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'send-password-reset' AND data->>'email' = ${email}`;
  for (const job of jobs) await TASKS["send-password-reset"].run(job.data);
  return jobs.length;
}

/** The token in the reset link printed to the development log. */
function printedResetToken(log: { mock: { calls: unknown[][] } }): string | undefined {
  return /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(log.mock.calls.flat().join("\n"))?.[1];
}

describe("password reset requests", () => {
  it("write the same rows, synchronously, for a known and an unknown email; the mail comes from the job", async () => {
    const user = await createUser(db);
    await requestPasswordReset(`warm-up-${user.id}@example.com`, request("192.0.2.60")); // the queue's tables exist from here on
    const known = await writesOf(() => requestPasswordReset(user.email, request("192.0.2.61")));
    const unknown = await writesOf(() => requestPasswordReset(`nobody-${user.id}@example.com`, request("192.0.2.62")));
    expect(known).toEqual(unknown);
    expect(await db.emailToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);

    // The job carries the address only, never a token.
    const [queued] = await db.$queryRaw<
      { data: unknown }[]
    >`SELECT data FROM pgboss.job WHERE data->>'email' = ${user.email}`;
    expect(queued?.data).toEqual({ email: user.email });

    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    let token: string | undefined;
    try {
      expect(await runQueuedResetJobs(user.email)).toBe(1);
      expect(await runQueuedResetJobs(`nobody-${user.id}@example.com`)).toBe(1);
      token = printedResetToken(log);
    } finally {
      log.mockRestore();
    }
    const mails = await db.outboxEmail.findMany({ where: { to: user.email } });
    expect(mails.map((mail) => mail.subject)).toEqual(["Reset your Hashwork password"]);
    expect(await db.outboxEmail.count({ where: { to: `nobody-${user.id}@example.com` } })).toBe(0);
    expect(token).toBeDefined();
    expect(await isEmailTokenUsable(token!, "reset_password")).toBe(true);
  });
});

describe("email links in the outbox", () => {
  it("after a reset email is sent, no text column of the outbox holds the live link", async () => {
    const user = await createUser(db);
    const token = await issueEmailToken(user.id, "reset_password");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await sendMail(resetPasswordMail(user.email, appLink(`/reset-password?token=${token}`)));
    } finally {
      log.mockRestore();
    }
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(1);
    const columns = await db.$queryRaw<{ name: string }[]>`
      SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'OutboxEmail' AND data_type IN ('text', 'character varying')`;
    expect(columns.map((column) => column.name)).toEqual(
      expect.arrayContaining(["to", "subject", "text", "html", "error"]),
    );
    for (const { name } of columns) {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "OutboxEmail" WHERE strpos("${name}", $1) > 0`,
        token,
      );
      expect(row!.n, `OutboxEmail.${name}`).toBe(0);
    }
    expect(await isEmailTokenUsable(token, "reset_password")).toBe(true); // the link itself still works
  });
});
