// The staff console's lists and overview against a real PostgreSQL: keyset pages visit every row
// once in both directions (ties on the timestamp broken by id), hostile or foreign cursors show
// nothing they should not, the wallet's running balance comes from the database page by page,
// the user search uses prefixes safely, restricting an account is audited with the customer's
// reason, and the overview's figures move with the data.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditEntries } from "@/lib/activity/queries";
import { consoleOverview } from "@/lib/console/queries";
import { kycQueue } from "@/lib/kyc/queries";
import { accountHistory } from "@/lib/ledger/history";
import { balance, customerBtc } from "@/lib/ledger/ledger";
import { ordersForStaff, ownOrders } from "@/lib/orders/queries";
import type { Page } from "@/lib/pagination";
import { privacySummary } from "@/lib/privacy/queries";
import { updateUserAccess } from "@/lib/users/update-access";
import { ownRestriction, usersForStaff } from "@/lib/users/queries";
import { createProduct, createUser, creditBtc } from "../support/factories";

const request = { ip: "192.0.2.60", userAgent: "vitest" };

/** Orders straight into the table: `count` of them, three per second so timestamps tie. */
async function ordersFor(userId: string, productId: string, count: number, status: "paid" | "expired" = "expired") {
  const base = Date.UTC(2026, 0, 1);
  await db.order.createMany({
    data: Array.from({ length: count }, (_, n) => ({
      userId,
      productId,
      th: 1 + (n % 7),
      durationDays: 20,
      hashrateFeePerTh: "0.2",
      serviceFeePerThDay: "0.0425",
      hashrateFeeCents: 100,
      serviceFeeCents: 100,
      totalCents: 200,
      status,
      paymentMethod: "balance" as const,
      idempotencyKey: randomUUID(),
      reservedUntil: new Date(base),
      createdAt: new Date(base + Math.floor(n / 3) * 1000),
    })),
  });
}

async function walk<T extends { id: string }>(first: Page<T>, next: (cursor: string) => Promise<Page<T>>) {
  const pages: Page<T>[] = [first];
  while (pages.at(-1)!.next) pages.push(await next(pages.at(-1)!.next!));
  return pages;
}

describe("keyset pages", () => {
  it("visit each of a customer's orders once, newest first, and come back the same way", async () => {
    const [customer, product] = [await createUser(db), await createProduct(db)];
    await ordersFor(customer.id, product.id, 120);
    const expected = (
      await db.order.findMany({ where: { userId: customer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })
    ).map((order) => order.id);

    const pages = await walk(await ownOrders(customer.id), (cursor) => ownOrders(customer.id, cursor));
    expect(pages.map((page) => page.items.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap((page) => page.items.map((order) => order.id))).toEqual(expected);

    let back = pages.at(-1)!;
    const visited = [back.items.map((order) => order.id)];
    while (back.previous) {
      back = await ownOrders(customer.id, back.previous);
      visited.unshift(back.items.map((order) => order.id));
    }
    expect(visited.flat()).toEqual(expected);
  });

  it("never show another customer's orders through a cursor, and start over on a hostile one", async () => {
    const [owner, other, product] = [await createUser(db), await createUser(db), await createProduct(db)];
    await ordersFor(owner.id, product.id, 60);
    await ordersFor(other.id, product.id, 3);
    const ownersSecondPage = (await ownOrders(owner.id)).next!;
    const borrowed = await ownOrders(other.id, ownersSecondPage);
    expect(borrowed.items.every((order) => order.userId === other.id)).toBe(true);

    for (const hostile of ['\'; DROP TABLE "Order"; --', "x".repeat(5000), "eyJrIjoxfQ", "%%%"]) {
      const page = await ownOrders(other.id, hostile);
      expect(page.rejectedCursor).toBe(true);
      expect(page.items.map((order) => order.userId)).toEqual([other.id, other.id, other.id]);
    }
  });

  it("filter the staff's orders by status, plan and customer email", async () => {
    const customer = await createUser(db, { email: `orders-${randomUUID().slice(0, 8)}@example.com` });
    const product = await createProduct(db);
    await ordersFor(customer.id, product.id, 4, "paid");
    await ordersFor(customer.id, product.id, 2, "expired");
    const paid = await ordersForStaff({ status: "paid", productId: product.id });
    expect(paid.items).toHaveLength(4);
    const byEmail = await ordersForStaff({ customer: customer.email.slice(0, 14).toUpperCase() });
    expect(byEmail.items.filter((order) => order.userId === customer.id)).toHaveLength(6);
  });

  it("page the audit log and the KYC queue", async () => {
    const admin = await createUser(db, { role: "admin" });
    const target = randomUUID();
    await db.auditLog.createMany({
      data: Array.from({ length: 55 }, (_, n) => ({
        actorId: admin.id,
        action: "test.paging",
        targetType: "user",
        targetId: target,
        createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, Math.floor(n / 2))),
      })),
    });
    const pages = await walk(await auditEntries({ target }), (cursor) => auditEntries({ target }, cursor));
    expect(pages.map((page) => page.items.length)).toEqual([50, 5]);
    expect(new Set(pages.flatMap((page) => page.items.map((entry) => entry.id))).size).toBe(55);
    expect((await auditEntries({ target, action: "test.pag", actor: admin.email.toUpperCase() })).items).toHaveLength(
      50,
    );

    const users = await Promise.all(Array.from({ length: 3 }, () => createUser(db)));
    await db.kycCase.createMany({
      data: users.map((user, n) => ({
        userId: user.id,
        status: "pending" as const,
        flagged: true,
        submittedAt: new Date(Date.UTC(2000, 0, 1, 0, 0, n)), // older than any other test's case
      })),
    });
    const first = await kycQueue("flagged");
    expect(first.items.slice(0, 3).map((kycCase) => kycCase.user.email)).toEqual(users.map((user) => user.email));
  });
});

describe("the wallet's history", () => {
  it("pages the entries with the running balance the database computes", async () => {
    const customer = await createUser(db);
    const amounts = Array.from({ length: 57 }, (_, n) => BigInt(1_000 + n * 10));
    for (const sats of amounts) await creditBtc(db, customer.id, sats);
    const pages = await walk(await accountHistory(customerBtc(customer.id)), (cursor) =>
      accountHistory(customerBtc(customer.id), cursor),
    );
    const lines = pages.flatMap((page) => page.items);
    expect(lines).toHaveLength(57);
    expect(lines[0]!.balanceAfter).toBe(await balance(db, customerBtc(customer.id)));
    // Oldest last: each line's balance is the one below it plus its own amount.
    for (let n = 0; n < lines.length - 1; n++)
      expect(lines[n]!.balanceAfter).toBe(lines[n + 1]!.balanceAfter + lines[n]!.amount);
    expect(lines.at(-1)!.balanceAfter).toBe(lines.at(-1)!.amount);
    // The second page, reached backwards, carries the same balances as forwards.
    const again = await accountHistory(customerBtc(customer.id), pages[1]!.previous!);
    expect(again.items.map((line) => line.balanceAfter)).toEqual(pages[0]!.items.map((line) => line.balanceAfter));
  });
});

describe("finding users", () => {
  it("matches the beginning of the email or part of the name, and treats wildcards as text", async () => {
    // Letters only: a search with a digit in it is taken for an email.
    const tag = Array.from({ length: 10 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
    const ana = await createUser(db, { email: `ana.${tag}@example.com` });
    await db.user.update({ where: { id: ana.id }, data: { displayName: `Ana Lima ${tag}` } });
    await createUser(db, { email: `bob.${tag}@example.com` });
    const byPrefix = await usersForStaff({ q: `ANA.${tag}` });
    expect(byPrefix.items.map((user) => user.id)).toEqual([ana.id]);
    expect((await usersForStaff({ q: `lima ${tag}` })).items.map((user) => user.id)).toEqual([ana.id]);
    expect((await usersForStaff({ q: `${tag}@example.com` })).items).toEqual([]); // not a prefix
    expect((await usersForStaff({ q: "%" })).items).toEqual([]);
    expect((await usersForStaff({ q: "_" })).items).toEqual([]);
  });
});

describe("restricting an account", () => {
  it("needs no self-service, is audited with the reason, shown to the customer and lifted again", async () => {
    const admin = await createUser(db, { role: "admin" });
    const customer = await createUser(db);
    const reason = "A card payment is disputed; we are looking into it.";
    await updateUserAccess(admin, { userId: customer.id, role: "customer", status: "restricted", reason }, request);
    expect(await ownRestriction(customer.id)).toEqual({ reason });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: customer.id, action: "user.access.update" },
    });
    expect(audit.details).toMatchObject({ after: { status: "restricted", reason }, before: { status: "active" } });
    expect(await db.outboxEmail.count({ where: { to: customer.email, subject: { contains: "restricted" } } })).toBe(1);
    expect((await usersForStaff({ q: customer.email, status: "restricted" })).items).toHaveLength(1);

    await updateUserAccess(admin, { userId: customer.id, role: "customer", status: "active" }, request);
    expect(await ownRestriction(customer.id)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).restrictionReason).toBeNull();
    expect(await db.auditLog.count({ where: { targetId: customer.id, action: "user.access.update" } })).toBe(2);

    await expect(
      updateUserAccess(admin, { userId: admin.id, role: "admin", status: "restricted", reason }, request),
    ).rejects.toThrow(/cannot change your own role or restrict yourself/);
  });
});

describe("the console overview", () => {
  it("counts today's sales, active contracts and the privacy queue", async () => {
    const now = new Date();
    const before = await consoleOverview(now);
    const [customer, product] = [await createUser(db), await createProduct(db)];
    await db.order.create({
      data: {
        userId: customer.id,
        productId: product.id,
        th: 10,
        durationDays: 20,
        hashrateFeePerTh: "0.2",
        serviceFeePerThDay: "0.0425",
        hashrateFeeCents: 200,
        serviceFeeCents: 850,
        totalCents: 1_050,
        status: "paid",
        paymentMethod: "balance",
        idempotencyKey: randomUUID(),
        reservedUntil: now,
        paidAt: now,
        createdAt: now,
      },
    });
    const after = await consoleOverview(now);
    expect(after.sales.today.orders - before.sales.today.orders).toBe(1);
    expect(after.sales.today.cents - before.sales.today.cents).toBe(1_050n);
    expect(after.sales.last30Days.th - before.sales.last30Days.th).toBe(10);
    expect(after.products.some((row) => row.id === product.id)).toBe(true);
    expect(after.jobs).toMatchObject({ failed7Days: expect.any(Number) });

    const counts = await privacySummary(now);
    await db.privacyRequest.createMany({
      data: [
        { userId: customer.id, type: "access", dueAt: new Date(now.getTime() - 86_400_000) },
        { userId: customer.id, type: "erasure", dueAt: new Date(now.getTime() + 3 * 86_400_000) },
        { userId: customer.id, type: "portability", status: "completed", dueAt: new Date(now.getTime() - 1000) },
      ],
    });
    expect(await privacySummary(now)).toEqual({
      open: counts.open + 2,
      dueSoon: counts.dueSoon + 1,
      overdue: counts.overdue + 1,
    });
  });
});
