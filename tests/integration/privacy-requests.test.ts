// Privacy requests against a real database: deadlines and extensions, duplicates, hostile input,
// ownership, the identity re-proof, the officer's steps on the timeline, rectification, the KYC
// contest and the officers' daily reminder.
import { afterAll, describe, expect, it } from "vitest";
import { createActionDefiner } from "@/lib/actions/create-action-definer";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { requestHumanReview } from "@/lib/kyc/human-review";
import { openDetails, sealDetails } from "@/lib/kyc/personal-data";
import { ownRequests, privacyQueue, privacySummary, requestForOfficer } from "@/lib/privacy/queries";
import { sendDeadlineReminders } from "@/lib/privacy/requests/deadline-reminders";
import {
  DuplicateRequestError,
  fileRequest,
  requestFromForm,
  type NewRequest,
} from "@/lib/privacy/requests/file-request";
import {
  addNote,
  applyRectification,
  assignRequest,
  completeRequest,
  extendRequest,
  refuseRequest,
} from "@/lib/privacy/requests/handle-request";
import { verifyIdentity } from "@/lib/privacy/requests/verify-identity";
import { fileRequestInput } from "@/lib/validation/privacy";
import { createUser, enableTotpFor, freshTotp, TEST_PASSWORD } from "../support/factories";

const request = { ip: "192.0.2.77", userAgent: "vitest" };
const DAY = 86_400_000;
const DAY0 = new Date("2026-03-01T09:30:00Z");
const at = (days: number) => new Date(DAY0.getTime() + days * DAY);

afterAll(async () => {
  await db.$disconnect();
});

async function customer() {
  return createUser(db);
}

async function officer(role: "privacy_officer" | "admin" = "privacy_officer") {
  const user = await createUser(db, { role });
  await enableTotpFor(db, user.id);
  return db.user.findUniqueOrThrow({ where: { id: user.id } });
}

const file = (user: { id: string; email: string }, input: Partial<NewRequest> = {}, now = DAY0) =>
  fileRequest(user, { type: "access", details: "Please send me a copy of my data.", ...input }, request, now);

const events = async (requestId: string) =>
  (await db.privacyRequestEvent.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } })).map(
    (event) => event.type,
  );

describe("deadlines", () => {
  it("a request filed on day 0 is due on day 30", async () => {
    const user = await customer();
    const { requestId } = await file(user);
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.createdAt.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(row.dueAt.toISOString()).toBe("2026-03-31T09:30:00.000Z");
    expect(row.status).toBe("received");
    const mine = await ownRequests(user.id);
    expect(mine.map((item) => item.dueAt.toISOString())).toEqual(["2026-03-31T09:30:00.000Z"]);
  });

  it("extends by up to two months within the first 30 days, once, with the reason told to the customer", async () => {
    const handler = await officer();
    const user = await customer();
    const { requestId } = await file(user, {
      type: "rectification",
      details: "x",
      requestedChange: [{ field: "displayName", to: "A" }],
    });
    const due = await extendRequest(
      handler,
      requestId,
      { months: 2, reason: "We are checking with our bank." },
      request,
      at(30),
    );
    expect(due.toISOString()).toBe("2026-05-31T09:30:00.000Z"); // 31 March + 2 months
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: "extended", extensionReason: "We are checking with our bank." });
    await expect(extendRequest(handler, requestId, { months: 1, reason: "again" }, request, at(31))).rejects.toThrow(
      /already extended/,
    );
    expect(
      await db.outboxEmail.count({ where: { to: user.email, subject: "We need more time for your privacy request" } }),
    ).toBe(1);
  });

  it("refuses an extension after day 30 and changes nothing", async () => {
    const handler = await officer();
    const user = await customer();
    const { requestId } = await file(user);
    await expect(
      extendRequest(handler, requestId, { months: 1, reason: "late" }, request, new Date(at(30).getTime() + 1000)),
    ).rejects.toThrow(/within 30 days of filing; this request was filed on 2026-03-01/);
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: "received", extendedAt: null, extensionReason: null });
    expect(row.dueAt.toISOString()).toBe("2026-03-31T09:30:00.000Z");
    expect(await events(requestId)).toEqual(["filed"]);
  });

  it("lists overdue requests in the queue and counts them on the overview", async () => {
    const user = await customer();
    const late = await file(user, { type: "erasure", details: "Delete me." }, new Date(Date.now() - 31 * DAY));
    const soon = await file(user, { type: "restriction", details: "Stop." }, new Date(Date.now() - 25 * DAY));
    const fresh = await file(user, { type: "objection", details: "No ads.", objectionPurpose: "advertising" });
    const overdue = await privacyQueue({ due: "overdue" });
    expect(overdue.map((row) => row.id)).toContain(late.requestId);
    expect(overdue.map((row) => row.id)).not.toContain(soon.requestId);
    const dueSoon = await privacyQueue({ due: "soon" });
    expect(dueSoon.map((row) => row.id)).toContain(soon.requestId);
    expect(dueSoon.map((row) => row.id)).not.toContain(fresh.requestId);
    const byType = await privacyQueue({ type: "objection", status: "open" });
    expect(byType.every((row) => row.type === "objection")).toBe(true);
    expect(byType.map((row) => row.id)).toContain(fresh.requestId);

    const before = await privacySummary();
    expect(before.overdue).toBeGreaterThanOrEqual(1);
    expect(before.dueSoon).toBeGreaterThanOrEqual(1);
    await refuseRequest(await officer(), late.requestId, { reason: "no", complaintInfo: "authority" }, request);
    const after = await privacySummary();
    expect(after.overdue).toBe(before.overdue - 1);
    expect(after.open).toBe(before.open - 1);
  });
});

describe("filing", () => {
  it("refuses a second identical open request with a link to the first, and allows it once the first is closed", async () => {
    const user = await customer();
    const first = await file(user, { type: "objection", details: "No marketing.", objectionPurpose: "marketing" });
    const error = await file(user, { type: "objection", details: "Again.", objectionPurpose: "marketing" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DuplicateRequestError);
    expect((error as DuplicateRequestError).link?.href).toBe(`/dashboard/privacy#request-${first.requestId}`);
    // Another purpose is another request.
    await file(user, { type: "objection", details: "No analytics.", objectionPurpose: "analytics" });
    await completeRequest(await officer(), first.requestId, "Done.", request);
    await file(user, { type: "objection", details: "Once more.", objectionPurpose: "marketing" });
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(3);
  });

  it("refuses the same correction twice (whatever order the stored change's keys come back in)", async () => {
    const user = await customer();
    const change = {
      type: "rectification" as const,
      details: "Fix it.",
      requestedChange: [{ field: "city" as const, to: "Oslo" }],
    };
    const first = await file(user, change);
    const error = await file(user, change).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DuplicateRequestError);
    expect((error as DuplicateRequestError).link?.href).toContain(first.requestId);
    await file(user, { ...change, requestedChange: [{ field: "city", to: "Bergen" }] });
  });

  it("files exactly one of ten identical requests sent at once", async () => {
    const user = await customer();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => file(user, { type: "erasure", details: "x" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(DuplicateRequestError);
    }
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses unknown types, empty and 100 KB descriptions with field errors, changing nothing", async () => {
    const user = await customer();
    const me: CurrentUser = { ...user, displayName: null, totpEnabledAt: null };
    const action = createActionDefiner({ currentUser: async () => me, requestInfo: async () => request })(
      { access: "signed-in", input: fileRequestInput },
      async (input, ctx) => {
        await fileRequest(ctx.user, await requestFromForm(ctx.user.id, input), ctx.request);
      },
    );
    const submit = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return action(null, data);
    };
    const unknown = await submit({ type: "delete_everyone", details: "hello" });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { type: ["Choose what you are asking for."] } });
    const empty = await submit({ type: "access", details: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { details: ["Write what you are asking for."] } });
    const huge = await submit({ type: "access", details: "x".repeat(100 * 1024) });
    expect(huge).toMatchObject({ ok: false, fieldErrors: { details: ["Use at most 5,000 characters."] } });
    const noPurpose = await submit({ type: "objection", details: "stop" });
    expect(noPurpose).toMatchObject({
      ok: false,
      fieldErrors: { objectionPurpose: ["Choose the purpose you object to."] },
    });
    const badEmail = await submit({ type: "portability", details: "send", recipientEmail: "not an email" });
    expect(badEmail).toMatchObject({
      ok: false,
      fieldErrors: { recipientEmail: [expect.stringMatching(/recipient/)] },
    });
    const noCase = await submit({ type: "automated_decision_review", details: "review" });
    expect(noCase).toMatchObject({ ok: false, fieldErrors: { type: ["There is no automated decision to review."] } });
    expect(await db.privacyRequest.count({ where: { userId: user.id } })).toBe(0);

    expect(await submit({ type: "portability", details: "Send it", recipientEmail: "New@Example.com" })).toMatchObject({
      ok: true,
    });
    const [row] = await db.privacyRequest.findMany({ where: { userId: user.id } });
    expect(row).toMatchObject({ type: "portability", recipientEmail: "new@example.com" });
  });

  it("restriction stops non-essential processing at filing; refusing it lifts it", async () => {
    const user = await customer();
    await db.user.update({ where: { id: user.id }, data: { marketingOptIn: true } });
    const { requestId } = await file(user, { type: "restriction", details: "Stop while you check." });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ marketingOptIn: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).processingRestrictedAt).not.toBeNull();
    await refuseRequest(
      await officer(),
      requestId,
      { reason: "Your data is accurate.", complaintInfo: "authority" },
      request,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).processingRestrictedAt).toBeNull();
  });

  it("an objection to marketing is recorded at once", async () => {
    const user = await customer();
    const { requestId } = await file(user, {
      type: "objection",
      details: "No newsletters.",
      objectionPurpose: "marketing",
    });
    const consent = await db.consent.findFirstOrThrow({ where: { userId: user.id, purpose: "marketing" } });
    expect(consent).toMatchObject({ granted: false, requestId });
  });
});

describe("ownership", () => {
  it("customer B neither sees nor confirms A's request", async () => {
    const a = await customer();
    const b = await customer();
    const { requestId } = await file(a, { type: "erasure", details: "Delete me." });
    expect((await ownRequests(b.id)).map((row) => row.id)).not.toContain(requestId);
    await expect(
      verifyIdentity({ ...b, totpEnabledAt: null }, requestId, { password: TEST_PASSWORD }, request),
    ).rejects.toThrow("That request does not exist.");
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.identityVerifiedAt).toBeNull();
    expect(await events(requestId)).toEqual(["filed"]);
  });
});

describe("identity re-proof", () => {
  it("needs the password, and with 2FA a fresh code never accepted twice", async () => {
    const user = await customer();
    const secret = await enableTotpFor(db, user.id);
    const me = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const { requestId } = await file(me, { type: "erasure", details: "Delete me." });
    await expect(verifyIdentity(me, requestId, { password: "wrong-password-123" }, request)).rejects.toThrow(/code/);
    await expect(
      verifyIdentity(me, requestId, { password: "wrong-password-123", code: "123456" }, request),
    ).rejects.toThrow("Your password is not right.");
    const code = await freshTotp(db, user.id, secret);
    await expect(verifyIdentity(me, requestId, { password: TEST_PASSWORD, code: "000000" }, request)).rejects.toThrow(
      /not valid/,
    );
    expect(await verifyIdentity(me, requestId, { password: TEST_PASSWORD, code }, request)).toBe("waits");
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.identityVerifiedAt).not.toBeNull();
    expect(row.status).toBe("in_progress");
    expect(await events(requestId)).toEqual(["filed", "verified"]);
    // The same code for another request is refused: it was used.
    const second = await file(me, { type: "account_closure", details: "Close it." });
    await expect(verifyIdentity(me, second.requestId, { password: TEST_PASSWORD, code }, request)).rejects.toThrow(
      /already used/,
    );
  });
});

describe("the privacy officer", () => {
  it("assigns, notes, extends and completes; every step on the timeline, audited, the customer emailed", async () => {
    const handler = await officer();
    const other = await officer("admin");
    const user = await customer();
    const { requestId } = await file(user, { type: "access", details: "What do you hold?" }, new Date());
    await assignRequest(handler, requestId, other.id, request);
    await addNote(handler, requestId, "Customer since 2024; check the KYC too.", request);
    await extendRequest(handler, requestId, { months: 1, reason: "Many records to gather." }, request);
    await completeRequest(other, requestId, "Here is what we hold: account, orders, KYC.", request);

    expect(await events(requestId)).toEqual(["filed", "assigned", "note", "extended", "completed"]);
    const row = await requestForOfficer(requestId);
    expect(row).toMatchObject({
      status: "completed",
      assigneeId: other.id,
      response: "Here is what we hold: account, orders, KYC.",
    });
    expect(row!.events.find((event) => event.type === "note")).toMatchObject({
      internal: true,
      actor: { email: handler.email },
    });
    const audit = await db.auditLog.findMany({ where: { targetId: requestId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "privacy.filed",
      "privacy.assigned",
      "privacy.note",
      "privacy.extended",
      "privacy.completed",
    ]);
    // The customer sees no internal step and is emailed the ones that concern them.
    const [mine] = await ownRequests(user.id);
    expect(mine!.events.map((event) => event.type)).toEqual(["filed", "extended", "completed"]);
    const subjects = (await db.outboxEmail.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } })).map(
      (mail) => mail.subject,
    );
    expect(subjects).toEqual([
      "We received your privacy request",
      "We need more time for your privacy request",
      "Your privacy request is complete",
    ]);
    await expect(completeRequest(handler, requestId, "again", request)).rejects.toThrow("already closed");
  });

  it("refuses with reasons and where to complain; the customer sees both", async () => {
    const user = await customer();
    const { requestId } = await file(user, {
      type: "rectification",
      details: "x",
      requestedChange: [{ field: "city", to: "Oslo" }],
    });
    await refuseRequest(
      await officer(),
      requestId,
      { reason: "Your city matches your ID.", complaintInfo: "The data-protection authority where you live." },
      request,
    );
    const [mine] = await ownRequests(user.id);
    expect(mine).toMatchObject({
      status: "refused",
      decisionReason: "Your city matches your ID.",
      complaintInfo: "The data-protection authority where you live.",
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { to: user.email, subject: { contains: "could not carry out" } },
    });
    expect(mail.text).toContain("Where to complain: The data-protection authority where you live.");
  });

  it("never handles their own request, and assigns only privacy staff", async () => {
    const handler = await officer();
    const { requestId } = await file(handler, { type: "access", details: "mine" });
    await expect(completeRequest(handler, requestId, "ok", request)).rejects.toThrow(/your own request/);
    const user = await customer();
    const theirs = await file(user);
    const reviewer = await createUser(db, { role: "kyc_reviewer" });
    await enableTotpFor(db, reviewer.id);
    await expect(assignRequest(handler, theirs.requestId, reviewer.id, request)).rejects.toThrow(
      "Choose a privacy officer.",
    );
    await expect(assignRequest(handler, theirs.requestId, user.id, request)).rejects.toThrow(
      "Choose a privacy officer.",
    );
  });

  it("applies a rectification's requested change in one step, on the account and in the encrypted identity details", async () => {
    const user = await customer();
    await db.kycCase.create({
      data: {
        userId: user.id,
        status: "approved",
        ...sealDetails(user.id, {
          legalName: "Jon Smiht",
          dateOfBirth: "1980-01-01",
          nationality: "GB",
          addressLine1: "1 High St",
          city: "Leeds",
          postalCode: "LS1 1AA",
          country: "GB",
          idType: "passport",
          idNumber: "123456789",
        }),
      },
    });
    const name = await file(user, {
      type: "rectification",
      details: "Typo in my name.",
      requestedChange: [{ field: "legalName", to: "Jon Smith" }],
    });
    const display = await file(user, {
      type: "rectification",
      details: "Nickname.",
      requestedChange: [{ field: "displayName", to: "Jonny" }],
    });
    const handler = await officer();
    const shown = await requestForOfficer(name.requestId);
    expect(shown!.requestedChange).toEqual([{ field: "legalName", to: "Jon Smith", current: "Jon Smiht" }]);

    expect(await applyRectification(handler, name.requestId, request)).toEqual(["Full legal name"]);
    expect(await applyRectification(handler, display.requestId, request)).toEqual(["Display name"]);
    const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId: user.id } });
    expect(openDetails(user.id, kycCase.dataEnc!)).toMatchObject({ legalName: "Jon Smith", city: "Leeds" });
    expect(Buffer.from(kycCase.dataEnc!).toString("latin1")).not.toContain("Jon Smith");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe("Jonny");
    expect(await events(name.requestId)).toEqual(["filed", "rectified", "completed"]);
    await expect(applyRectification(handler, name.requestId, request)).rejects.toThrow(UserError);
  });
});

describe("contesting the KYC pre-check", () => {
  it("files an automated-decision review linked to the case, one open per case, in the queue and the privacy centre", async () => {
    const user = await customer();
    const kycCase = await db.kycCase.create({
      data: { userId: user.id, status: "pending", flagged: true, flagReason: "ID already verified elsewhere." },
    });
    const { requestId } = await requestHumanReview(user, request);
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ type: "automated_decision_review", kycCaseId: kycCase.id, userId: user.id });
    expect((await db.kycCase.findUniqueOrThrow({ where: { id: kycCase.id } })).humanReviewRequestedAt).not.toBeNull();
    await expect(requestHumanReview(user, request)).rejects.toBeInstanceOf(DuplicateRequestError);
    expect(await db.privacyRequest.count({ where: { kycCaseId: kycCase.id } })).toBe(1);

    const queue = await privacyQueue({ type: "automated_decision_review" });
    expect(queue.map((item) => item.id)).toContain(requestId);
    expect((await requestForOfficer(requestId))!.kycCase).toMatchObject({
      id: kycCase.id,
      flagReason: "ID already verified elsewhere.",
    });
    expect((await ownRequests(user.id)).map((item) => item.type)).toEqual(["automated_decision_review"]);

    const unflagged = await customer();
    await db.kycCase.create({ data: { userId: unflagged.id, status: "pending" } });
    await expect(requestHumanReview(unflagged, request)).rejects.toThrow(
      "There is no automatic flag on your case to review.",
    );
  });
});

describe("the officers' daily reminder", () => {
  it("emails each privacy officer once per day the overdue requests and those due within 7 days", async () => {
    const handler = await officer();
    const user = await customer();
    const late = await file(user, { type: "erasure", details: "late one" }, new Date("2030-01-01T00:00:00Z"));
    const soon = await file(user, { type: "restriction", details: "soon one" }, new Date("2030-01-10T00:00:00Z"));
    const now = new Date("2030-02-05T07:00:00Z");

    const first = await sendDeadlineReminders(now);
    const again = await Promise.all([
      sendDeadlineReminders(now),
      sendDeadlineReminders(new Date("2030-02-05T23:00:00Z")),
    ]);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(again.map((run) => run.sent)).toEqual([0, 0]);
    const mails = await db.outboxEmail.findMany({ where: { to: handler.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/overdue/);
    expect(mails[0]!.text).toContain(`/admin/privacy/${late.requestId}`);
    expect(mails[0]!.text).toContain(`/admin/privacy/${soon.requestId}`);
    expect(mails[0]!.text.indexOf(late.requestId)).toBeLessThan(mails[0]!.text.indexOf("Due within 7 days"));

    await sendDeadlineReminders(new Date("2030-02-06T07:00:00Z"));
    expect(await db.outboxEmail.count({ where: { to: handler.email } })).toBe(2);
  });
});
