// The database itself refuses oversold hashrate, unbalanced ledger transactions and edits of
// history, whatever code path tries.
import { describe, expect, it } from "vitest";
import { createProduct } from "../support/factories";
import { freshDatabase } from "../support/test-database";

const database = freshDatabase();
const newProduct = (overrides: Parameters<typeof createProduct>[1] = {}) =>
  createProduct(database(), { inventoryTh: 100, maxOrderTh: 100, ...overrides });

async function account(key: string, currency: "USD" | "BTC") {
  return database().ledgerAccount.create({ data: { key, kind: "platform_revenue", currency } });
}

describe("catalogue guards", () => {
  it("never lets sold TH pass inventory or go below zero", async () => {
    const product = await newProduct();
    await expect(database().product.update({ where: { id: product.id }, data: { soldTh: 101 } })).rejects.toThrow(
      /Product_soldTh_range/,
    );
    await expect(database().product.update({ where: { id: product.id }, data: { soldTh: -1 } })).rejects.toThrow(
      /Product_soldTh_range/,
    );
    await database().product.update({ where: { id: product.id }, data: { soldTh: 100 } });
    expect((await database().product.findUniqueOrThrow({ where: { id: product.id } })).soldTh).toBe(100);
  });

  it("refuses nonsense plans", async () => {
    await expect(newProduct({ minOrderTh: 10, maxOrderTh: 5 })).rejects.toThrow(/Product_order_bounds/);
    await expect(newProduct({ poolFeeBps: 10_001 })).rejects.toThrow(/Product_terms_positive/);
    await expect(newProduct({ serviceFeePerThDay: "-0.01" })).rejects.toThrow(/Product_terms_positive/);
  });
});

describe("ledger guards", () => {
  it("accepts a transaction whose entries sum to zero per currency", async () => {
    const [a, b] = [await account(`a-${Date.now()}`, "USD"), await account(`b-${Date.now()}`, "USD")];
    const tx = await database().ledgerTransaction.create({
      data: {
        kind: "admin_credit",
        description: "balanced",
        entries: {
          create: [
            { accountId: a.id, amount: 500n },
            { accountId: b.id, amount: -500n },
          ],
        },
      },
      include: { entries: true },
    });
    expect(tx.entries).toHaveLength(2);
  });

  it("refuses, at commit, a transaction that does not balance — and writes none of it", async () => {
    const [a, b] = [await account(`c-${Date.now()}`, "USD"), await account(`d-${Date.now()}`, "USD")];
    await expect(
      database().$transaction(async (tx) => {
        const created = await tx.ledgerTransaction.create({
          data: { kind: "admin_credit", description: "unbalanced" },
        });
        await tx.ledgerEntry.create({ data: { transactionId: created.id, accountId: a.id, amount: 500n } });
        await tx.ledgerEntry.create({ data: { transactionId: created.id, accountId: b.id, amount: -499n } });
      }),
    ).rejects.toThrow(/does not balance in USD/);
    expect(await database().ledgerTransaction.count({ where: { description: "unbalanced" } })).toBe(0);
  });

  it("refuses a transaction that balances only by mixing currencies", async () => {
    const [usd, btc] = [await account(`e-${Date.now()}`, "USD"), await account(`f-${Date.now()}`, "BTC")];
    await expect(
      database().ledgerTransaction.create({
        data: {
          kind: "admin_credit",
          description: "mixed",
          entries: {
            create: [
              { accountId: usd.id, amount: 100n },
              { accountId: btc.id, amount: -100n },
            ],
          },
        },
      }),
    ).rejects.toThrow(/does not balance/);
  });

  it("never lets an entry change or disappear", async () => {
    const [a, b] = [await account(`g-${Date.now()}`, "USD"), await account(`h-${Date.now()}`, "USD")];
    const tx = await database().ledgerTransaction.create({
      data: {
        kind: "admin_credit",
        description: "history",
        entries: {
          create: [
            { accountId: a.id, amount: 1n },
            { accountId: b.id, amount: -1n },
          ],
        },
      },
      include: { entries: true },
    });
    const entry = tx.entries[0]!;
    await expect(database().ledgerEntry.update({ where: { id: entry.id }, data: { amount: 2n } })).rejects.toThrow(
      /append-only/,
    );
    await expect(database().ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(
      database().ledgerEntry.create({ data: { transactionId: tx.id, accountId: a.id, amount: 0n } }),
    ).rejects.toThrow(/LedgerEntry_amount_nonzero/);
  });
});

describe("audit log", () => {
  it("is append-only, except that erasing a user clears the actor link", async () => {
    const user = await database().user.create({
      data: { email: `audit-${Date.now()}@example.com`, passwordHash: "x" },
    });
    const entry = await database().auditLog.create({
      data: { actorId: user.id, action: "test.action", targetType: "user", targetId: user.id },
    });
    await expect(database().auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(database().auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);

    await database().user.delete({ where: { id: user.id } });
    const after = await database().auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after.actorId).toBeNull();
    expect(after.action).toBe("test.action");
  });
});
