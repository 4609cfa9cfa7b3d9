// An account's entries, newest first, one page at a time, with the running balance after each.
// The database computes it: a window sum over the page's own rows, plus the balance before the
// page's oldest row (one index-only sum over the (account, createdAt, id, amount) index). So a
// page costs the same whichever page it is, and never a sum over every entry per row.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { instantCursor, keysetPage, type Page, type Seek } from "@/lib/pagination";
import { accountKey, type AccountRef } from "./ledger";

export type HistoryLine = { id: string; at: Date; description: string; amount: bigint; balanceAfter: bigint };

type Row = { id: string; at: Date; description: string; amount: bigint; balance_after: bigint };

function fetchHistory(key: string, seek: Seek<Date>): Promise<Row[]> {
  // Forward is newest first: rows below the boundary; backward goes the other way round.
  const forward = seek.order === "forward";
  const boundary = seek.boundary
    ? forward
      ? Prisma.sql`AND (e."createdAt", e.id) < (${seek.boundary.key}::timestamptz, ${seek.boundary.id}::uuid)`
      : Prisma.sql`AND (e."createdAt", e.id) > (${seek.boundary.key}::timestamptz, ${seek.boundary.id}::uuid)`
    : Prisma.empty;
  const order = forward ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // The account's id is a scalar subquery, so the planner reads the page straight off the
  // (account, createdAt, id) index in order and stops after one page.
  const account = Prisma.sql`(SELECT id FROM "LedgerAccount" WHERE key = ${key})`;
  return db.$queryRaw<Row[]>`
    WITH page AS (
      SELECT e.id, e."createdAt", e.amount, e."transactionId"
      FROM "LedgerEntry" e
      WHERE e."accountId" = ${account} ${boundary}
      ORDER BY e."createdAt" ${order}, e.id ${order}
      LIMIT ${seek.take}
    ),
    oldest AS (SELECT "createdAt", id FROM page ORDER BY "createdAt", id LIMIT 1),
    before AS (
      SELECT coalesce(SUM(e.amount), 0)::bigint AS total
      FROM "LedgerEntry" e, oldest o
      WHERE e."accountId" = ${account} AND (e."createdAt", e.id) < (o."createdAt", o.id)
    )
    SELECT p.id, p."createdAt" AS at, t.description, p.amount,
           ((SELECT total FROM before) + SUM(p.amount) OVER (ORDER BY p."createdAt", p.id))::bigint AS balance_after
    FROM page p JOIN "LedgerTransaction" t ON t.id = p."transactionId"
    ORDER BY p."createdAt" ${order}, p.id ${order}`;
}

/** One page of an account's history, newest first; `cursor` comes from the previous page. */
export async function accountHistory(ref: AccountRef, cursor?: string, size?: number): Promise<Page<HistoryLine>> {
  const key = accountKey(ref);
  const page = await keysetPage({
    cursor,
    codec: instantCursor,
    size,
    fetch: (seek) => fetchHistory(key, seek),
    keyOf: (row) => ({ key: row.at, id: row.id }),
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      at: row.at,
      description: row.description,
      amount: row.amount,
      balanceAfter: row.balance_after,
    })),
  };
}
