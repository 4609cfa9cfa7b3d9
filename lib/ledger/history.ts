// An account's entries with the running balance after each, newest first.
import "server-only";
import { db } from "@/lib/db";
import { accountKey, type AccountRef } from "./ledger";

export type HistoryLine = { id: string; at: Date; description: string; amount: bigint; balanceAfter: bigint };

export async function accountHistory(ref: AccountRef, limit = 100): Promise<HistoryLine[]> {
  const rows = await db.$queryRaw<
    { id: string; at: Date; description: string; amount: bigint; balance_after: bigint }[]
  >`
    SELECT * FROM (
      SELECT e.id, e."createdAt" AS at, t.description, e.amount,
             SUM(e.amount) OVER (ORDER BY e."createdAt", e.id)::bigint AS balance_after
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
      WHERE a.key = ${accountKey(ref)}
    ) h ORDER BY at DESC, id DESC LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    description: row.description,
    amount: row.amount,
    balanceAfter: row.balance_after,
  }));
}
