// Closure, erasure and retention against a real database and storage folder: sign-in stops at
// once; a customer without transactions disappears; a customer with transactions keeps
// pseudonymised records with every balance and platform total unchanged, and afterwards neither
// the database (every table, every column) nor the storage folder holds their email, name,
// address, ID number, IP or BTC address in the clear.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { checkPassword } from "@/lib/auth/password-check";
import { sendPasswordResetMail } from "@/lib/auth/password-reset";
import { isSessionCurrent, startSession } from "@/lib/auth/session-version";
import { decrypt } from "@/lib/crypto/encryption";
import { keyRing } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { placeOrder } from "@/lib/orders/place-order";
import { buildExport } from "@/lib/privacy/export";
import { closeAccount, eraseAccount, runRetention } from "@/lib/privacy/erasure";
import { retainedContext, UNUSABLE_PASSWORD } from "@/lib/privacy/erasure/erase-account";
import { holdWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { createProduct, createUser, TEST_PASSWORD } from "../support/factories";
import { fullCustomer } from "../support/privacy-customer";
import { withClient } from "../support/test-database";

const storage = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/hashwork-erasure-${process.pid}-${Date.now().toString(36)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

const DAY = 86_400_000;
const request = { ip: "192.0.2.55", userAgent: "vitest" };

/** Every row of every table in every schema, as text (bytea as hex), one string per table. */
async function dumpDatabase(): Promise<Map<string, string>> {
  return withClient(process.env.DATABASE_URL!, async (client) => {
    const tables = await client.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const dump = new Map<string, string>();
    for (const { table_schema, table_name } of tables.rows) {
      const name = `${client.escapeIdentifier(table_schema)}.${client.escapeIdentifier(table_name)}`;
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      dump.set(name, rows.rows.map((row) => row.row).join("\n"));
    }
    return dump;
  });
}

function storageText(): string {
  if (!existsSync(storage)) return "";
  return readdirSync(storage, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString("latin1"))
    .join("\n");
}

/** The needles as written, lower-cased and hex-encoded (how bytea columns show in the dump). */
function forms(value: string): string[] {
  return [value, value.toLowerCase(), Buffer.from(value, "utf8").toString("hex")];
}

/** Where each needle (in any of its forms) shows in the database or the storage folder. */
async function findIn(needles: string[]): Promise<string[]> {
  const dump = await dumpDatabase();
  const files = storageText();
  const found = new Set<string>();
  for (const needle of needles) {
    for (const form of forms(needle)) {
      for (const [table, text] of dump) if (text.includes(form)) found.add(`${needle} in ${table}`);
      if (files.includes(form)) found.add(`${needle} in the storage folder`);
    }
  }
  return [...found];
}

async function ledgerFigures(userId: string) {
  const [customer, platform, perCurrency] = await Promise.all([
    db.$queryRaw<{ key: string; total: bigint }[]>`
      SELECT a.kind || ':' || a.currency AS key, SUM(e.amount)::bigint AS total
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
      WHERE a."userId" = ${userId}::uuid GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ key: string; total: bigint }[]>`
      SELECT a.key, SUM(e.amount)::bigint AS total
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
      WHERE a."userId" IS NULL GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ currency: string; total: bigint; entries: bigint }[]>`
      SELECT a.currency::text, SUM(e.amount)::bigint AS total, count(*)::bigint AS entries
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" GROUP BY 1 ORDER BY 1`,
  ]);
  return { customer, platform, perCurrency };
}

describe("closing an account", () => {
  it("stops sign-in at once, ends every session and cancels unpaid orders", async () => {
    const user = await createUser(db);
    const product = await createProduct(db, { inventoryTh: 100 });
    const sessionId = await startSession(user.id);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await isSessionCurrent(user.id, 0, sessionId)).toBe(true);
    await placeOrder({
      userId: user.id,
      slug: product.slug,
      th: 40,
      paymentMethod: "balance",
      idempotencyKey: "close-1",
    });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(40);
    await expect(checkPassword(user.email, TEST_PASSWORD, request)).resolves.toMatchObject({ id: user.id });

    await closeAccount(user.id, {});

    await expect(checkPassword(user.email, TEST_PASSWORD, request)).rejects.toThrow(/This account is closed/);
    expect(await isSessionCurrent(user.id, 0, sessionId)).toBe(false);
    expect(await isSessionCurrent(user.id, 1, sessionId)).toBe(false);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).endedAt).not.toBeNull();
    const closed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(closed).toMatchObject({ status: "closing", marketingOptIn: false });
    expect(closed.closedAt).not.toBeNull();
    expect(await db.order.findMany({ where: { userId: user.id }, select: { status: true } })).toEqual([
      { status: "cancelled" },
    ]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Your Hashwork account is closed" } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { targetId: user.id, action: "privacy.account.closed" } })).toBe(1);
    // No way back in through a password reset either.
    await sendPasswordResetMail(user.email);
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Reset your Hashwork password" } })).toBe(0);

    // Closing again changes nothing and sends nothing.
    await closeAccount(user.id, {});
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: "Your Hashwork account is closed" } })).toBe(
      1,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).closedAt).toEqual(closed.closedAt);
  });
});

describe("the retention job", () => {
  it("deletes a customer without transactions entirely once 29 days have passed since closure", async () => {
    const user = await createUser(db);
    const product = await createProduct(db);
    await placeOrder({
      userId: user.id,
      slug: product.slug,
      th: 5,
      paymentMethod: "balance",
      idempotencyKey: "gone-1",
    });
    const filed = await db.privacyRequest.create({
      data: { userId: user.id, type: "account_closure", details: `Close ${user.email}`, dueAt: new Date() },
    });
    const closedAt = new Date("2030-01-10T12:00:00Z");
    await closeAccount(user.id, { requestId: filed.id, now: closedAt });

    await runRetention(new Date(closedAt.getTime() + 28 * DAY));
    expect(await db.user.findUnique({ where: { id: user.id } })).not.toBeNull();

    const result = await runRetention(new Date(closedAt.getTime() + 31 * DAY));
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
    // The request stays on record (that it was handled), without the customer or their words.
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      userId: null,
      details: null,
    });
    expect(await db.auditLog.count({ where: { targetId: user.id, action: "privacy.account.deleted" } })).toBe(1);
    expect(await findIn([user.email])).toEqual([]);
  });

  it("waits while a withdrawal awaits a decision, and erases the others", async () => {
    const customer = await fullCustomer();
    await holdWithdrawal(customer.user.id, 100_000n, request);
    const closedAt = new Date("2030-02-01T00:00:00Z");
    await closeAccount(customer.user.id, { now: closedAt });
    await expect(eraseAccount(customer.user.id)).rejects.toThrow(UserError);
    await runRetention(new Date(closedAt.getTime() + 31 * DAY));
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.user.id } })).pseudonymisedAt).toBeNull();
  });
});

describe("erasing a customer with transactions", () => {
  it("keeps pseudonymised orders, contracts, settlements and ledger; no balance or platform total moves", async () => {
    const customer = await fullCustomer();
    const userId = customer.user.id;
    await buildExport(customer.privacyRequest.id);
    const before = await ledgerFigures(userId);
    const counts = async () => ({
      orders: await db.order.count({ where: { userId } }),
      contracts: await db.contract.count({ where: { userId } }),
      settlements: await db.settlement.count({ where: { contract: { userId } } }),
      withdrawals: await db.withdrawal.count({ where: { userId } }),
      credits: await db.balanceCredit.count({ where: { userId } }),
      transactions: await db.ledgerTransaction.count({ where: { entries: { some: { account: { userId } } } } }),
    });
    const kept = await counts();
    expect(kept.orders).toBe(1);
    expect(kept.settlements).toBe(1);

    // Before: the database holds them in the clear (so the search below can find them).
    const needles = [
      customer.identity.email,
      customer.identity.name,
      customer.identity.street,
      customer.identity.idNumber,
      customer.identity.address,
      customer.identity.ip,
      customer.identity.recipient,
    ];
    const seenBefore = await findIn(needles);
    for (const needle of [
      customer.identity.email,
      customer.identity.name,
      customer.identity.address,
      customer.identity.ip,
    ]) {
      expect(seenBefore.some((place) => place.startsWith(`${needle} in`))).toBe(true);
    }

    await closeAccount(userId, {});
    // Closure revokes the API keys at once; erasure deletes them.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: customer.apiKey.id } })).revokedAt).not.toBeNull();
    expect(await eraseAccount(userId, { actorId: customer.admin.id })).toBe("pseudonymised");
    expect(await eraseAccount(userId)).toBe("pseudonymised"); // idempotent

    expect(await counts()).toEqual(kept);
    const after = await ledgerFigures(userId);
    expect(after).toEqual(before);
    for (const { total } of after.perCurrency) expect(total).toBe(0n);

    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      omit: { passwordHash: false, totpSecretEnc: false },
    });
    expect(user.email).toMatch(/^erased-[0-9a-f]{24}@erased\.invalid$/);
    expect(user).toMatchObject({
      displayName: null,
      passwordHash: UNUSABLE_PASSWORD,
      totpSecretEnc: null,
      totpEnabledAt: null,
      status: "closed",
    });
    expect(user.pseudonymisedAt).not.toBeNull();
    await expect(checkPassword(user.email, TEST_PASSWORD, request)).rejects.toThrow(UserError);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
    expect(await db.payoutAddress.count({ where: { userId } })).toBe(0);
    expect(await db.dataExport.count({ where: { userId } })).toBe(0);
    expect(await db.apiKey.count({ where: { userId } })).toBe(0);

    // The AML hold applies (approved identity, BTC withdrawn): identity records stay, encrypted.
    const kyc = await db.kycCase.findUniqueOrThrow({ where: { userId }, include: { documents: true, notes: true } });
    expect(kyc.dataEnc).not.toBeNull();
    expect(kyc.documents).toHaveLength(2);
    expect(kyc.notes).toHaveLength(0);

    // What was taken out is kept encrypted, and only there.
    const retained = await db.retainedPersonalData.findUniqueOrThrow({ where: { userId } });
    const document = JSON.parse(
      decrypt(keyRing(), Buffer.from(retained.dataEnc), retainedContext(userId)).toString("utf8"),
    );
    expect(document).toMatchObject({ email: customer.identity.email, displayName: customer.identity.name });
    expect(JSON.stringify(document)).toContain(customer.identity.address);
    const fiveYears = new Date(user.closedAt!);
    fiveYears.setUTCFullYear(fiveYears.getUTCFullYear() + 5);
    expect(retained.deleteAfter).toEqual(fiveYears);

    // Every table, every column; and the storage folder.
    expect(await findIn(needles)).toEqual([]);
    const dump = await dumpDatabase();
    expect(dump.get('"public"."User"')).toContain(user.email);

    // Five years on, the retention ends: the encrypted document and the identity records go.
    const storedKeys = kyc.documents.map((doc) => doc.storageKey);
    const result = await runRetention(new Date(fiveYears.getTime() + DAY));
    expect(result.retentionEnded).toBeGreaterThanOrEqual(1);
    expect(await db.retainedPersonalData.count({ where: { userId } })).toBe(0);
    expect(await db.kycCase.count({ where: { userId } })).toBe(0);
    const left = readdirSync(storage, { recursive: true }).map(String);
    for (const key of storedKeys) expect(left.some((name) => name.endsWith(key))).toBe(false);
    expect(await counts()).toEqual(kept);
    expect(await ledgerFigures(userId)).toEqual(before);
  });

  it("deletes identity records at once when no AML hold applies", async () => {
    const customer = await fullCustomer();
    // Identity not relied on: never approved.
    await db.kycCase.update({ where: { userId: customer.user.id }, data: { status: "rejected" } });
    const documents = await db.kycDocument.findMany({ where: { case: { userId: customer.user.id } } });
    const onDisk = () => readdirSync(storage, { recursive: true }).map(String);
    expect(documents).toHaveLength(2);
    for (const { storageKey } of documents) expect(onDisk().some((name) => name.endsWith(storageKey))).toBe(true);
    await closeAccount(customer.user.id, {});
    expect(await eraseAccount(customer.user.id)).toBe("pseudonymised");
    expect(await db.kycCase.count({ where: { userId: customer.user.id } })).toBe(0);
    for (const { storageKey } of documents) expect(onDisk().some((name) => name.endsWith(storageKey))).toBe(false);
  });
});
