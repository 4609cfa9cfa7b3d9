// The double-entry ledger (docs/product-rules.md §1). Every movement of money is one transaction whose entries
// sum to zero per currency (the database checks it again at commit); a balance is the sum of an
// account's entries, never a stored number.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Currency, LedgerAccountKind, LedgerTransactionKind, Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AccountRef =
  | { userId: string; kind: Extract<LedgerAccountKind, "customer_cash" | "customer_held">; currency: Currency }
  | { userId?: undefined; kind: Exclude<LedgerAccountKind, "customer_cash" | "customer_held">; currency: Currency };

export function accountKey(ref: AccountRef): string {
  return ref.userId ? `user:${ref.userId}:${ref.kind}:${ref.currency}` : `platform:${ref.kind}:${ref.currency}`;
}

/**
 * The account's id, creating it on first use. Two first uses at once (e.g. a customer's first
 * orders placed side by side) both get the one row: the insert skips a key that exists.
 */
export async function accountId(tx: Tx, ref: AccountRef): Promise<string> {
  const key = accountKey(ref);
  const existing = await tx.ledgerAccount.findUnique({ where: { key }, select: { id: true } });
  if (existing) return existing.id;
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" (id, key, "userId", kind, currency)
    VALUES (gen_random_uuid(), ${key}, ${ref.userId ?? null}::uuid, ${ref.kind}::"LedgerAccountKind", ${ref.currency}::"Currency")
    ON CONFLICT (key) DO NOTHING`;
  return (await tx.ledgerAccount.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

export type Posting = { account: AccountRef; amount: bigint };

export type NewTransaction = {
  kind: LedgerTransactionKind;
  description: string;
  postings: Posting[];
  idempotencyKey?: string;
  orderId?: string;
  withdrawalId?: string;
  createdById?: string;
  /** The UTC day (YYYY-MM-DD) a mining reward or its correction is for. */
  day?: string;
};

/** Writes a balanced transaction; refuses an unbalanced one before touching the database. */
export async function postTransaction(tx: Tx, transaction: NewTransaction): Promise<string> {
  const totals = new Map<Currency, bigint>();
  for (const posting of transaction.postings) {
    if (posting.amount === 0n) throw new Error("A ledger entry must move something");
    totals.set(posting.account.currency, (totals.get(posting.account.currency) ?? 0n) + posting.amount);
  }
  for (const [currency, total] of totals) {
    if (total !== 0n)
      throw new Error(`Ledger transaction "${transaction.description}" is off by ${total} in ${currency}`);
  }
  const entries = [];
  for (const posting of transaction.postings)
    entries.push({ accountId: await accountId(tx, posting.account), amount: posting.amount });
  const created = await tx.ledgerTransaction.create({
    data: {
      kind: transaction.kind,
      description: transaction.description,
      idempotencyKey: transaction.idempotencyKey,
      orderId: transaction.orderId,
      withdrawalId: transaction.withdrawalId,
      createdById: transaction.createdById,
      day: transaction.day ? new Date(`${transaction.day}T00:00:00Z`) : undefined,
      entries: { create: entries },
    },
    select: { id: true },
  });
  return created.id;
}

/** The sum of an account's entries (0 for an account never used); inside a transaction or not. */
export async function balance(client: Tx | Db, ref: AccountRef): Promise<bigint> {
  const rows = await client.$queryRaw<{ total: bigint | null }[]>`
    SELECT SUM(e.amount)::bigint AS total FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
    WHERE a.key = ${accountKey(ref)}`;
  return rows[0]?.total ?? 0n;
}

/**
 * Locks the account row until the transaction ends, so concurrent debits of one balance happen
 * one after the other and can never overdraw it.
 */
export async function lockAccount(tx: Tx, ref: AccountRef): Promise<void> {
  const id = await accountId(tx, ref);
  await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE id = ${id}::uuid FOR UPDATE`;
}

export const customerUsd = (userId: string): AccountRef => ({ userId, kind: "customer_cash", currency: "USD" });
export const customerBtc = (userId: string): AccountRef => ({ userId, kind: "customer_cash", currency: "BTC" });
export const customerHeldBtc = (userId: string): AccountRef => ({ userId, kind: "customer_held", currency: "BTC" });
