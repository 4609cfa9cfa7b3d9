// The account's time zone: the settings form's action (through the real action wrapper and the
// real session check) and the zone the browser reports at sign-up.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createActionDefiner } from "@/lib/actions/create-action-definer";
import { signUp } from "@/lib/auth/accounts";
import { sessionUser, startSession } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { stopJobs } from "@/lib/jobs/runtime";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { setTimeZone } from "@/lib/users/time-zone";
import { signUpInput } from "@/lib/validation/auth";
import { timeZoneInput } from "@/lib/validation/settings";
import { createUser, TEST_PASSWORD } from "../support/factories";

const request = { ip: "192.0.2.41", userAgent: "vitest" };

afterAll(async () => {
  await stopJobs();
  await db.$disconnect();
});

/** The settings action as the app defines it, signed in through a real session row. */
async function settingsActionFor(userId: string) {
  const sessionId = await startSession(userId);
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const action = createActionDefiner({
    currentUser: () => sessionUser(userId, sessionVersion, sessionId),
    requestInfo: async () => request,
  })({ access: "signed-in", input: timeZoneInput }, async (input, ctx) => ({
    ok: true as const,
    data: await setTimeZone(ctx.user.id, input.timeZone),
  }));
  return (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return action(null, data);
  };
}

const zoneOf = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } })).timeZone;

describe("changing the time zone in settings", () => {
  it("starts at UTC, saves a valid zone, and says when nothing changed", async () => {
    const user = await createUser(db);
    expect(await zoneOf(user.id)).toBe("UTC");
    const submit = await settingsActionFor(user.id);
    expect(await submit({ timeZone: "America/New_York" })).toEqual({ ok: true, data: true });
    expect(await zoneOf(user.id)).toBe("America/New_York");
    expect(await submit({ timeZone: "America/New_York" })).toEqual({ ok: true, data: false });
    expect(await submit({ timeZone: "UTC" })).toEqual({ ok: true, data: true });
    expect(await zoneOf(user.id)).toBe("UTC");
  });

  it("refuses every hostile value with a field error and changes nothing", async () => {
    const user = await createUser(db);
    const submit = await settingsActionFor(user.id);
    await submit({ timeZone: "Europe/Berlin" });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const hostile = [
      "../../etc",
      "Europe/Nowhere",
      "x".repeat(10 * 1024),
      "Europe/Berlin\t",
      "Europe/\nBerlin",
      "",
      "Etc/../../passwd",
      '\'; DROP TABLE "User"; --',
    ];
    for (const timeZone of hostile) {
      const result = await submit({ timeZone });
      expect(result, JSON.stringify(timeZone.slice(0, 40))).toMatchObject({
        ok: false,
        fieldErrors: { timeZone: ["Choose a time zone from the list."] },
      });
    }
    expect(await submit({})).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.any(Array) } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.timeZone).toBe("Europe/Berlin");
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("only ever changes the signed-in account: another customer's id in the form is ignored", async () => {
    const mine = await createUser(db);
    const theirs = await createUser(db);
    const submitAsThem = await settingsActionFor(theirs.id);
    const result = await submitAsThem({ timeZone: "Asia/Tokyo", userId: mine.id, id: mine.id });
    expect(result).toEqual({ ok: true, data: true });
    expect(await zoneOf(theirs.id)).toBe("Asia/Tokyo");
    expect(await zoneOf(mine.id)).toBe("UTC");
  });

  it("refuses a session that has ended, changing nothing", async () => {
    const user = await createUser(db);
    const sessionId = await startSession(user.id);
    await db.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date() } });
    const action = createActionDefiner({
      currentUser: () => sessionUser(user.id, 0, sessionId),
      requestInfo: async () => request,
    })({ access: "signed-in", input: timeZoneInput }, async (input, ctx) => setTimeZone(ctx.user.id, input.timeZone));
    const data = new FormData();
    data.append("timeZone", "Asia/Tokyo");
    expect(await action(null, data)).toEqual({ ok: false, error: "Please sign in again." });
    expect(await zoneOf(user.id)).toBe("UTC");
  });

  it("a zone written before the runtime dropped it still renders, as UTC", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { timeZone: "Mars/Olympus_Mons" } });
    const sessionId = await startSession(user.id);
    const current = await sessionUser(user.id, 0, sessionId);
    expect(current?.timeZone).toBe("Mars/Olympus_Mons");
    const { formatDateTime } = await import("@/lib/format/date");
    expect(formatDateTime(new Date("2026-11-27T00:00:00Z"), current!.timeZone)).toBe("2026-11-27 00:00 UTC");
  });

  it("the database refuses a value that is not shaped like a zone name", async () => {
    const user = await createUser(db);
    await expect(db.user.update({ where: { id: user.id }, data: { timeZone: "../../etc" } })).rejects.toThrow();
    await expect(db.user.update({ where: { id: user.id }, data: { timeZone: "x".repeat(65) } })).rejects.toThrow();
    expect(await zoneOf(user.id)).toBe("UTC");
  });
});

describe("the browser's zone at sign-up", () => {
  const form = (timeZone?: string) =>
    signUpInput.parse({
      email: `tz-${randomUUID()}@example.com`,
      password: TEST_PASSWORD,
      acceptTerms: "on",
      termsVersion: CURRENT_TERMS.id,
      ...(timeZone === undefined ? {} : { timeZone }),
    });

  it("stores the zone the browser reported", async () => {
    const input = form("Asia/Tokyo");
    await signUp(input, { ...request, ip: "198.51.100.1" });
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).timeZone).toBe("Asia/Tokyo");
  });

  it("creates the account in UTC when the zone is missing or hostile, never refusing the sign-up", async () => {
    const values = [undefined, "", "../../etc", "Europe/Nowhere", "x".repeat(10 * 1024), "UTC\n"];
    for (const [index, timeZone] of values.entries()) {
      const input = form(timeZone);
      expect(input.timeZone).toBe("UTC");
      await signUp(input, { ...request, ip: `198.51.100.${10 + index}` });
      expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).timeZone).toBe("UTC");
    }
  });
});
