// Personal API keys against a real PostgreSQL: a new key is returned once and only its keyed hash
// is stored; hostile names and scopes, staff accounts, missing or replayed codes, a wrong password
// and an 11th live key are refused with nothing written; revoking reaches the owner's keys only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey, storeApiKey } from "@/lib/api-keys/manage";
import { apiKeysOf } from "@/lib/api-keys/queries";
import { MAX_LIVE_API_KEYS, STAFF_REFUSAL } from "@/lib/api-keys/rules";
import { apiKeyMatches } from "@/lib/api-keys/token";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { stopJobs } from "@/lib/jobs/runtime";
import { createUser, enableTotpFor, freshTotp, TEST_PASSWORD } from "../support/factories";

let ipSeq = 0;
const request = () => ({ ip: `198.18.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`, userAgent: "vitest" });

beforeAll(async () => {
  await db.$connect();
});
afterAll(async () => {
  await stopJobs();
  await db.$disconnect();
});

type Input = Parameters<typeof createApiKey>[1];
const input = (overrides: Partial<Input> = {}): Input => ({
  name: "Portfolio spreadsheet",
  scopes: ["contracts:read", "earnings:read"],
  expiresAt: null,
  password: TEST_PASSWORD,
  ...overrides,
});

/** Everything a key's making or revoking writes for a user. */
async function traces(userId: string, email: string) {
  return {
    keys: await db.apiKey.count({ where: { userId } }),
    activity: await db.activityEvent.count({ where: { userId, type: { startsWith: "api_key_" } } }),
    mails: await db.outboxEmail.count({ where: { to: email, subject: { contains: "API key" } } }),
  };
}

/** The refusal's field errors (a UserError), failing the test if it is anything else. */
async function refusal(attempt: Promise<unknown>): Promise<UserError> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("making a key", () => {
  it("returns the whole key once; the row, the activity, the audit and the email hold only its name and prefix", async () => {
    const user = await createUser(db);
    const expiresAt = new Date(Date.now() + 90 * 86_400_000);
    const created = await createApiKey(user.id, input({ expiresAt }), request());

    expect(created.key).toMatch(/^hw_live_[0-9A-Za-z]{40}$/);
    expect(created.prefix).toBe(created.key.slice(0, 16));
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      userId: user.id,
      name: "Portfolio spreadsheet",
      prefix: created.prefix,
      scopes: ["contracts:read", "earnings:read"],
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(row.expiresAt).toEqual(expiresAt);
    expect(apiKeyMatches(created.key, row.secretHash)).toBe(true);
    expect(apiKeyMatches(`${created.key.slice(0, -1)}x`, row.secretHash)).toBe(false);
    const secretPart = created.key.slice(16);
    expect(JSON.stringify(row)).not.toContain(secretPart);

    const [activity] = await db.activityEvent.findMany({ where: { userId: user.id, type: "api_key_created" } });
    expect(activity!.details).toEqual({ name: "Portfolio spreadsheet", prefix: created.prefix });
    expect(await db.auditLog.count({ where: { targetId: user.id, action: "security.api_key_created" } })).toBe(1);

    const mails = await db.outboxEmail.findMany({ where: { to: user.email } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("A new API key was created for your Hashwork account");
    expect(mail.text).toContain('"Portfolio spreadsheet"');
    expect(mail.text).toContain(created.prefix);
    expect(mail.text).toContain("Read your contracts (contracts:read)");
    expect(mail.text).toContain("Read your daily earnings (earnings:read)");
    expect(mail.text).toContain("If this wasn't you, revoke the key and change your password");
    expect(mail.text).toMatch(/https?:\/\/[^\s]+\/dashboard\/security/);

    // Neither the key nor its secret part is anywhere in the database.
    const [found] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM "ApiKey" t WHERE position(${secretPart} in t::text) > 0)
           + (SELECT count(*) FROM "ActivityEvent" t WHERE position(${secretPart} in t::text) > 0)
           + (SELECT count(*) FROM "AuditLog" t WHERE position(${secretPart} in t::text) > 0)
           + (SELECT count(*) FROM "OutboxEmail" t WHERE position(${secretPart} in t::text) > 0) AS n`;
    expect(found!.n).toBe(0n);

    // The page's list shows it as active and never used.
    const [line] = await apiKeysOf(user.id);
    expect(line).toMatchObject({ id: created.id, status: "active", lastUsedAt: null });
    expect(line).not.toHaveProperty("secretHash");
  });

  it("refuses hostile names and scopes, and writes nothing", async () => {
    const user = await createUser(db);
    const cases: [Partial<Input>, string][] = [
      [{ scopes: ["admin:all"] }, "scopes"],
      [{ scopes: ["orders:read", "staff:write"] }, "scopes"],
      [{ scopes: [] }, "scopes"],
      [{ scopes: ["orders:read", "orders:read ", "ORDERS:READ"] }, "scopes"],
      [{ name: "x".repeat(61) }, "name"],
      [{ name: "🔑".repeat(61) }, "name"],
      [{ name: "a\tb" }, "name"],
      [{ name: "first\nsecond" }, "name"],
      [{ name: "evil\u202Egnp.exe" }, "name"],
      [{ name: "   " }, "name"],
      [{ name: "" }, "name"],
    ];
    for (const [overrides, field] of cases) {
      const error = await refusal(createApiKey(user.id, input(overrides), request()));
      expect(error.fieldErrors?.[field], JSON.stringify(overrides)).toBeDefined();
    }
    const past = await refusal(createApiKey(user.id, input({ expiresAt: new Date(Date.now() - 1000) }), request()));
    expect(past.message).toMatch(/expiry in the future/);
    const wrongPassword = await refusal(createApiKey(user.id, input({ password: "not-the-password-9" }), request()));
    expect(wrongPassword.fieldErrors?.password).toBeDefined();
    expect(await traces(user.id, user.email)).toEqual({ keys: 0, activity: 0, mails: 0 });

    // The longest names are fine, counted in characters (the database counts the same way).
    const long = await createApiKey(user.id, input({ name: `  ${"🔑".repeat(60)}  ` }), request());
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: long.id } })).name).toBe("🔑".repeat(60));
    await createApiKey(user.id, input({ name: "y".repeat(60), scopes: ["orders:write", "orders:read"] }), request());
    expect(
      (await db.apiKey.findFirstOrThrow({ where: { userId: user.id, name: "y".repeat(60) } })).scopes.sort(),
    ).toEqual(["orders:read", "orders:write"]);
  });

  it("refuses staff accounts and closed accounts", async () => {
    for (const role of ["kyc_reviewer", "privacy_officer", "admin"] as const) {
      const staff = await createUser(db, { role });
      const secret = await enableTotpFor(db, staff.id);
      const code = await freshTotp(db, staff.id, secret);
      const error = await refusal(createApiKey(staff.id, input({ totpCode: code }), request()));
      expect(error.message).toBe(STAFF_REFUSAL);
      expect(await traces(staff.id, staff.email)).toEqual({ keys: 0, activity: 0, mails: 0 });
    }
    const closing = await createUser(db);
    await db.user.update({ where: { id: closing.id }, data: { status: "closing" } });
    await refusal(createApiKey(closing.id, input(), request()));
    expect(await traces(closing.id, closing.email)).toEqual({ keys: 0, activity: 0, mails: 0 });
    // A restricted customer keeps their API access (it only reads, or buys only if allowed).
    const restricted = await createUser(db);
    await db.user.update({ where: { id: restricted.id }, data: { status: "restricted" } });
    await createApiKey(restricted.id, input(), request());
    expect((await traces(restricted.id, restricted.email)).keys).toBe(1);
  });

  it("with two-factor authentication on, needs a fresh code and never accepts one twice", async () => {
    const user = await createUser(db);
    const secret = await enableTotpFor(db, user.id);

    const missing = await refusal(createApiKey(user.id, input(), request()));
    expect(missing.fieldErrors?.code).toBeDefined();
    const current = await freshTotp(db, user.id, secret);
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, "0");
    const refused = await refusal(createApiKey(user.id, input({ totpCode: wrong }), request()));
    expect(refused.message).toMatch(/not valid/);
    expect(await traces(user.id, user.email)).toEqual({ keys: 0, activity: 0, mails: 0 });
    expect(await db.activityEvent.count({ where: { userId: user.id, type: "second_factor_failed" } })).toBe(1);

    const code = await freshTotp(db, user.id, secret);
    await createApiKey(user.id, input({ totpCode: code }), request());
    const replayed = await refusal(createApiKey(user.id, input({ name: "Second", totpCode: code }), request()));
    expect(replayed.message).toMatch(/already used/);
    expect(await traces(user.id, user.email)).toEqual({ keys: 1, activity: 1, mails: 1 });
  });

  it(`holds at most ${MAX_LIVE_API_KEYS} live keys, names unique among them, even in a burst`, async () => {
    const user = await createUser(db);
    for (let i = 1; i <= MAX_LIVE_API_KEYS - 2; i++)
      await createApiKey(user.id, input({ name: `Key ${i}` }), request());

    // A name a live key has is refused, whatever its case.
    const same = await refusal(createApiKey(user.id, input({ name: "KEY 1" }), request()));
    expect(same.fieldErrors?.name).toEqual(["Choose a name none of your live keys has."]);

    // Four at once with room for two: exactly two are made, through the whole path and at the
    // write itself (where requests that passed the checks together meet).
    const burst = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => createApiKey(user.id, input({ name: `Burst ${i}` }), request())),
    );
    expect(burst.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    for (const result of burst.filter((item) => item.status === "rejected"))
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/10 live keys/);
    const other = await createUser(db);
    for (let i = 1; i <= MAX_LIVE_API_KEYS - 2; i++)
      await createApiKey(other.id, input({ name: `Key ${i}` }), request());
    const writes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        storeApiKey(other.id, { name: `Write ${i}`, scopes: ["orders:read"], expiresAt: null }, request()),
      ),
    );
    expect(writes.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    expect(await db.apiKey.count({ where: { userId: other.id } })).toBe(MAX_LIVE_API_KEYS);
    // Two names alike at once: one is written.
    const third = await createUser(db);
    const twins = await Promise.allSettled(
      ["Twin", "TWIN", "twin"].map((name) =>
        storeApiKey(third.id, { name, scopes: ["orders:read"], expiresAt: null }, request()),
      ),
    );
    expect(twins.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.apiKey.count({ where: { userId: user.id } })).toBe(MAX_LIVE_API_KEYS);

    const eleventh = await refusal(createApiKey(user.id, input({ name: "Eleventh" }), request()));
    expect(eleventh.message).toMatch(/10 live keys, the most an account may hold/);
    expect(await traces(user.id, user.email)).toEqual({
      keys: MAX_LIVE_API_KEYS,
      activity: MAX_LIVE_API_KEYS,
      mails: MAX_LIVE_API_KEYS,
    });

    // A revoked key and an expired one stop counting; a revoked key's name is free again.
    const first = await db.apiKey.findFirstOrThrow({ where: { userId: user.id, name: "Key 1" } });
    await revokeApiKey(user.id, first.id, request());
    await createApiKey(user.id, input({ name: "Key 1" }), request());
    await db.apiKey.updateMany({
      where: { userId: user.id, name: "Key 2" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await createApiKey(user.id, input({ name: "Replacement" }), request());
    await refusal(createApiKey(user.id, input({ name: "One too many" }), request()));
    const statuses = (await apiKeysOf(user.id)).map((line) => line.status);
    expect(statuses.filter((status) => status === "active")).toHaveLength(MAX_LIVE_API_KEYS);
    expect(statuses.filter((status) => status === "revoked")).toHaveLength(1);
    expect(statuses.filter((status) => status === "expired")).toHaveLength(1);
  });
});

describe("revoking a key", () => {
  it("works at once on the owner's key, is idempotent, and is logged and emailed once", async () => {
    const user = await createUser(db);
    const created = await createApiKey(user.id, input({ name: "Old laptop" }), request());
    const before = Date.now();
    const result = await revokeApiKey(user.id, created.id, request());
    expect(result).toEqual({ name: "Old laptop", prefix: created.prefix, alreadyRevoked: false });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.revokedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.revokedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const again = await revokeApiKey(user.id, created.id, request());
    expect(again.alreadyRevoked).toBe(true);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toEqual(row.revokedAt);

    const events = await db.activityEvent.findMany({ where: { userId: user.id, type: "api_key_revoked" } });
    expect(events.map((event) => event.details)).toEqual([{ name: "Old laptop", prefix: created.prefix }]);
    const mails = await db.outboxEmail.findMany({
      where: { to: user.email, subject: "An API key of your Hashwork account was revoked" },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(created.prefix);
    expect(mails[0]!.text).not.toContain(created.key.slice(16));
    expect((await apiKeysOf(user.id))[0]!.status).toBe("revoked");
  });

  it("treats another customer's key like a missing one and changes nothing", async () => {
    const owner = await createUser(db);
    const attacker = await createUser(db);
    const created = await createApiKey(owner.id, input(), request());
    const before = await traces(owner.id, owner.email);
    const messages = new Set<string>();
    for (const keyId of [created.id, crypto.randomUUID(), "not-a-uuid", `${created.id}' OR '1'='1`, ""]) {
      messages.add((await refusal(revokeApiKey(attacker.id, keyId, request()))).message);
    }
    expect([...messages]).toEqual(["That key does not exist."]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
    expect(await traces(owner.id, owner.email)).toEqual(before);
    expect(await traces(attacker.id, attacker.email)).toEqual({ keys: 0, activity: 0, mails: 0 });
  });
});
