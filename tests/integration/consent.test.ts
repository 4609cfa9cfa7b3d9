// Consent against a real database: the terms version recorded at sign-up and on acceptance,
// communication preferences and their history, restriction and objection (marketing mail and
// analytics stop at once, checked in the outbox and the page-view table), and hostile values
// refused with nothing changed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { announcePlan } from "@/lib/catalogue/announce-plan";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { stopJobs } from "@/lib/jobs/runtime";
import { recordPageView } from "@/lib/privacy/analytics/page-views";
import { liftRestriction, mayReceiveMarketing, recordObjection, restrictProcessing } from "@/lib/privacy/consent";
import { recordCookieChoice, RESTRICTED_MESSAGE, setMarketingPreference } from "@/lib/privacy/consent/choices";
import { consentHistory, processingLimits } from "@/lib/privacy/consent/queries";
import { cookieState, signCookieChoice } from "@/lib/privacy/cookies/state";
import { CURRENT_TERMS, TERMS_VERSIONS } from "@/lib/privacy/terms";
import { acceptTerms } from "@/lib/privacy/terms/acceptance";
import { termsToAccept } from "@/lib/privacy/terms/queries";
import type { ConsentPurpose } from "@/lib/generated/prisma/enums";
import { createProduct, createUser, TEST_PASSWORD } from "../support/factories";

const request = { ip: "192.0.2.77", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" };
const OLDER_TERMS = TERMS_VERSIONS[0]!.id;

beforeAll(async () => {
  await db.$connect();
});
afterAll(async () => {
  await stopJobs();
  await db.$disconnect();
});

async function subscriber() {
  const user = await createUser(db);
  await setMarketingPreference(user.id, true, request);
  return user;
}

const newPlanMails = (email: string) =>
  db.outboxEmail.count({ where: { to: email, subject: { startsWith: "New on Hashwork" } } });
const allowAnalytics = signCookieChoice({ analytics: true, advertising: false });

describe("terms of service", () => {
  it("sign-up records the version accepted, when and from where, with the marketing choice", async () => {
    const email = `terms-${randomUUID()}@example.com`;
    await signUp(
      {
        email,
        password: TEST_PASSWORD,
        acceptTerms: "on",
        termsVersion: CURRENT_TERMS.id,
        marketingOptIn: "on",
        timeZone: "UTC",
      },
      request,
    );
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      include: { termsAcceptances: true, consents: true },
    });
    expect(user.termsAcceptances).toHaveLength(1);
    expect(user.termsAcceptances[0]).toMatchObject({ version: CURRENT_TERMS.id, source: "sign_up", ip: request.ip });
    expect(user.termsAcceptances[0]!.acceptedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(user.consents).toMatchObject([{ purpose: "marketing", granted: true, source: "sign_up", ip: request.ip }]);
    expect(user.marketingOptIn).toBe(true);
    expect(await termsToAccept(user.id)).toBeNull();
  });

  it("refuses a sign-up that accepted an older version, and creates nothing", async () => {
    const email = `old-terms-${randomUUID()}@example.com`;
    for (const termsVersion of [OLDER_TERMS, "2099-01-01", "x".repeat(20)]) {
      await expect(
        signUp({ email, password: TEST_PASSWORD, acceptTerms: "on", termsVersion, timeZone: "UTC" }, request),
      ).rejects.toThrow(/terms of service changed/);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("asks a customer who accepted an older version to accept the new one, once", async () => {
    const user = await createUser(db);
    expect((await termsToAccept(user.id))?.id).toBe(CURRENT_TERMS.id); // never accepted any
    await db.termsAcceptance.create({ data: { userId: user.id, version: OLDER_TERMS, source: "sign_up" } });
    expect((await termsToAccept(user.id))?.id).toBe(CURRENT_TERMS.id);

    await expect(acceptTerms(user.id, OLDER_TERMS, "prompt", request)).rejects.toThrow(UserError);
    await Promise.all(Array.from({ length: 5 }, () => acceptTerms(user.id, CURRENT_TERMS.id, "prompt", request)));
    expect(await termsToAccept(user.id)).toBeNull();
    const rows = await db.termsAcceptance.findMany({ where: { userId: user.id }, orderBy: { acceptedAt: "asc" } });
    expect(rows.map((row) => [row.version, row.source])).toEqual([
      [OLDER_TERMS, "sign_up"],
      [CURRENT_TERMS.id, "prompt"],
    ]);
    expect(rows[1]).toMatchObject({ ip: request.ip, userAgent: request.userAgent });
  });

  it("lists versions oldest first with unique, dated ids", () => {
    const ids = TERMS_VERSIONS.map((version) => version.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(Number.isNaN(new Date(`${id}T00:00:00Z`).getTime())).toBe(false);
    expect(CURRENT_TERMS.id).toBe(ids.at(-1));
  });
});

describe("communication preferences", () => {
  it("appends a row per change, with where it was made, and User.marketingOptIn follows", async () => {
    const user = await createUser(db);
    expect(await setMarketingPreference(user.id, true, request)).toBe(true);
    expect(await setMarketingPreference(user.id, true, request)).toBe(false); // no change, no row
    expect(await setMarketingPreference(user.id, false, { ip: "198.51.100.9", userAgent: null })).toBe(true);
    const history = await consentHistory(user.id);
    expect(history.map((row) => [row.purpose, row.granted, row.source, row.ip])).toEqual([
      ["marketing", false, "preferences", "198.51.100.9"],
      ["marketing", true, "preferences", request.ip],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).marketingOptIn).toBe(false);
  });

  it("keeps the history and the flag consistent under a burst of parallel changes", async () => {
    const user = await createUser(db);
    await Promise.all(Array.from({ length: 12 }, (_, i) => setMarketingPreference(user.id, i % 2 === 0, request)));
    const history = await consentHistory(user.id);
    // Each row is a real change: no two neighbours say the same thing.
    for (let i = 1; i < history.length; i++) expect(history[i]!.granted).not.toBe(history[i - 1]!.granted);
    const flag = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).marketingOptIn;
    expect(flag).toBe(history[0]!.granted);
  });

  it("marketing mail goes only to verified, opted-in, open accounts, and only through the guard", async () => {
    const product = await createProduct(db);
    const yes = await subscriber();
    const no = await createUser(db);
    const unverified = await createUser(db, { verified: false });
    await setMarketingPreference(unverified.id, true, request);
    const closed = await subscriber();
    await db.user.update({ where: { id: closed.id }, data: { status: "closed" } });
    // A flag set without a consent row (e.g. by hand) is not consent.
    const flagOnly = await createUser(db);
    await db.user.update({ where: { id: flagOnly.id }, data: { marketingOptIn: true } });

    const admin = await createUser(db, { role: "admin" });
    await announcePlan(product.id, admin.id, request);
    expect(await newPlanMails(yes.email)).toBe(1);
    for (const other of [no, unverified, closed, flagOnly]) expect(await newPlanMails(other.email)).toBe(0);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: yes.email } });
    expect(mail.text).toContain("/dashboard/settings");
    expect(await db.auditLog.count({ where: { action: "product.announce", targetId: product.id } })).toBe(1);

    // Announced once, however many times or at once it is asked for.
    const repeats = await Promise.allSettled([1, 2, 3].map(() => announcePlan(product.id, admin.id, request)));
    expect(repeats.every((repeat) => repeat.status === "rejected")).toBe(true);
    expect(await newPlanMails(yes.email)).toBe(1);

    const draft = await createProduct(db, { status: "draft" });
    await expect(announcePlan(draft.id, admin.id, request)).rejects.toThrow(/on sale/);
  });
});

describe("restriction and objection", () => {
  it("restriction stops marketing mail and analytics at once, blocks new grants, and lifting keeps them off", async () => {
    const user = await subscriber();
    await recordCookieChoice(user.id, { analytics: true, advertising: true }, request);
    expect(await mayReceiveMarketing(user.id)).toBe(true);
    expect(
      (await recordPageView({ consentCookie: allowAnalytics, analyticsCookie: undefined, userId: user.id, path: "/" }))
        .recorded,
    ).toBe(true);

    const requestId = randomUUID();
    await restrictProcessing(user.id, { requestId });
    await restrictProcessing(user.id, { requestId }); // twice changes nothing more
    const restrictedRows = await db.consent.findMany({ where: { userId: user.id, source: "restriction" } });
    expect(restrictedRows.map((row) => row.purpose).sort()).toEqual(["advertising", "analytics", "marketing"]);
    expect(restrictedRows.every((row) => !row.granted && row.requestId === requestId)).toBe(true);

    expect(await mayReceiveMarketing(user.id)).toBe(false);
    const admin = await createUser(db, { role: "admin" });
    const other = await subscriber();
    await announcePlan((await createProduct(db)).id, admin.id, request);
    expect(await newPlanMails(other.email)).toBe(1);
    expect(await newPlanMails(user.email)).toBe(0);

    const views = await db.analyticsPageView.count();
    const refused = await recordPageView({
      consentCookie: allowAnalytics,
      analyticsCookie: randomUUID(),
      userId: user.id,
      path: "/",
    });
    expect(refused.recorded).toBe(false);
    expect(await db.analyticsPageView.count()).toBe(views);
    expect(await cookieState(allowAnalytics, user.id)).toMatchObject({
      decided: true,
      analytics: false,
      restricted: true,
    });

    // Nothing optional can be switched back on while restricted; nothing is recorded trying.
    const before = await db.consent.count({ where: { userId: user.id } });
    await expect(setMarketingPreference(user.id, true, request)).rejects.toThrow(RESTRICTED_MESSAGE);
    await expect(recordCookieChoice(user.id, { analytics: true, advertising: false }, request)).rejects.toThrow(
      RESTRICTED_MESSAGE,
    );
    expect(await db.consent.count({ where: { userId: user.id } })).toBe(before);
    const limits = await processingLimits(user.id);
    expect(limits.restrictedAt).not.toBeNull();
    expect(limits.current).toEqual({ marketing: false, analytics: false, advertising: false });

    await liftRestriction(user.id, { actorId: admin.id, requestId });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).processingRestrictedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "privacy.restriction_lifted", targetId: user.id } })).toBe(1);
    expect(await mayReceiveMarketing(user.id)).toBe(false); // withdrawn consents stay withdrawn
    expect(await setMarketingPreference(user.id, true, request)).toBe(true);
    expect(await mayReceiveMarketing(user.id)).toBe(true);
  });

  it("an objection withdraws that purpose alone, once per request", async () => {
    const user = await subscriber();
    await recordCookieChoice(user.id, { analytics: true, advertising: false }, request);
    const requestId = randomUUID();
    await recordObjection(user.id, "analytics", { requestId });
    await recordObjection(user.id, "analytics", { requestId });
    expect(await db.consent.count({ where: { userId: user.id, source: "objection" } })).toBe(1);
    expect(await mayReceiveMarketing(user.id)).toBe(true); // marketing untouched
    expect(
      (await recordPageView({ consentCookie: allowAnalytics, analyticsCookie: undefined, userId: user.id, path: "/" }))
        .recorded,
    ).toBe(false);
    expect((await processingLimits(user.id)).objected).toEqual(["analytics"]);

    await recordObjection(user.id, "marketing", { requestId: randomUUID() });
    expect(await mayReceiveMarketing(user.id)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).marketingOptIn).toBe(false);
  });

  it("refuses an unknown purpose and leaves everything as it was", async () => {
    const user = await subscriber();
    const before = await db.consent.count({ where: { userId: user.id } });
    for (const purpose of ["essential", "", "marketing; DROP TABLE", "x".repeat(100_000)]) {
      await expect(recordObjection(user.id, purpose as ConsentPurpose, { requestId: randomUUID() })).rejects.toThrow(
        /Unknown consent purpose/,
      );
    }
    expect(await db.consent.count({ where: { userId: user.id } })).toBe(before);
    expect(await mayReceiveMarketing(user.id)).toBe(true);
  });

  it("changes nothing for an unknown customer id", async () => {
    const ghost = randomUUID();
    await restrictProcessing(ghost, { requestId: randomUUID() });
    await recordObjection(ghost, "marketing", { requestId: randomUUID() });
    expect(await mayReceiveMarketing(ghost)).toBe(false);
    expect(await db.consent.count({ where: { userId: ghost } })).toBe(0);
  });
});

describe("analytics page views", () => {
  it("are stored only with a signed analytics choice, under the analytics cookie's id", async () => {
    const count = () => db.analyticsPageView.count();
    const start = await count();
    const essentialOnly = signCookieChoice({ analytics: false, advertising: true });
    const forged = allowAnalytics.replace(/\.[^.]+$/, `.${"A".repeat(43)}`);
    const tampered = allowAnalytics.replace("c1.10.", "c1.11.");
    for (const consentCookie of [undefined, "", essentialOnly, forged, tampered, "c1.10", "x".repeat(5_000)]) {
      const result = await recordPageView({ consentCookie, analyticsCookie: undefined, userId: null, path: "/" });
      expect(result.recorded, String(consentCookie)).toBe(false);
    }
    expect(await count()).toBe(start);

    const first = await recordPageView({
      consentCookie: allowAnalytics,
      analyticsCookie: "not-an-id",
      userId: null,
      path: "/privacy",
    });
    expect(first.recorded).toBe(true);
    if (!first.recorded) return;
    const again = await recordPageView({
      consentCookie: allowAnalytics,
      analyticsCookie: first.visitorId,
      userId: null,
      path: "/terms",
    });
    expect(again).toEqual({ recorded: true, visitorId: first.visitorId });
    const rows = await db.analyticsPageView.findMany({
      where: { visitorId: first.visitorId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((row) => row.path)).toEqual(["/privacy", "/terms"]);
  });

  it("a cookie older than its lifetime is no choice", async () => {
    const old = signCookieChoice({ analytics: true, advertising: true }, new Date(Date.now() - 181 * 86_400_000));
    expect(await cookieState(old, null)).toMatchObject({ decided: false, analytics: false });
  });

  it("the database refuses a path with a query or of absurd length", async () => {
    await expect(
      db.analyticsPageView.create({ data: { visitorId: randomUUID(), path: "/a?email=x" } }),
    ).rejects.toThrow();
    await expect(
      db.analyticsPageView.create({ data: { visitorId: randomUUID(), path: `/${"a".repeat(300)}` } }),
    ).rejects.toThrow();
  });
});
