// Reads of accounts for the staff console.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserStatus } from "@/lib/generated/prisma/enums";
import { instantCursor, keysetPage, likeText, seekQuery } from "@/lib/pagination";

/**
 * What the staff search box matches: the beginning of the email (emails are stored lower-cased;
 * a text_pattern_ops index serves the prefix), or for words of three letters or more, also any
 * part of the display name (a trigram index serves it).
 */
export function userSearchWhere(query: string): Prisma.UserWhereInput {
  const q = query.trim().toLowerCase();
  if (!q) return {};
  const byEmail: Prisma.UserWhereInput = { email: { startsWith: likeText(q) } };
  // Something only an email has (an @, a digit, a dot or dash without a space) is searched as
  // one: the prefix index answers alone, and the planner is not tempted to scan by date.
  if (q.length < 3 || /[@\d]/.test(q) || (/[._-]/.test(q) && !q.includes(" "))) return byEmail;
  return { OR: [byEmail, { displayName: { contains: likeText(q), mode: "insensitive" } }] };
}

/** One page of accounts for the staff console, newest first, by search and status. */
export async function usersForStaff(filter: { q?: string; status?: UserStatus }, cursor?: string) {
  const where: Prisma.UserWhereInput = {
    ...userSearchWhere(filter.q ?? ""),
    ...(filter.status ? { status: filter.status } : {}),
  };
  return keysetPage({
    cursor,
    codec: instantCursor,
    fetch: (seek) => {
      const page = seekQuery("createdAt", seek, "desc");
      return db.user.findMany({
        where: { AND: [where, page.where] },
        orderBy: page.orderBy,
        take: page.take,
        select: {
          id: true,
          email: true,
          displayName: true,
          role: true,
          status: true,
          emailVerifiedAt: true,
          totpEnabledAt: true,
          createdAt: true,
        },
      });
    },
    keyOf: (user) => ({ key: user.createdAt, id: user.id }),
  });
}

/** One account for its console page; null for unknown or malformed ids. */
export async function userForStaff(id: string) {
  return /^[0-9a-f-]{36}$/i.test(id)
    ? db.user.findUnique({
        where: { id },
        select: {
          id: true,
          email: true,
          displayName: true,
          role: true,
          status: true,
          restrictionReason: true,
          emailVerifiedAt: true,
          totpEnabledAt: true,
          marketingOptIn: true,
          timeZone: true,
          closedAt: true,
          createdAt: true,
          kycCase: { select: { status: true, submittedAt: true, decidedAt: true, flagged: true } },
          payoutAddress: { select: { address: true, withdrawalsFrom: true } },
        },
      })
    : null;
}

/**
 * One customer's money and mining for the console: balances (cash and held), contracts by
 * status with their TH, and the newest contracts, in a few queries.
 */
export async function customerFiguresForStaff(userId: string) {
  const [balances, contracts, latestContracts, activity] = await Promise.all([
    db.$queryRaw<{ kind: string; currency: string; total: bigint }[]>`
      SELECT a.kind::text AS kind, a.currency::text AS currency, coalesce(SUM(e.amount), 0)::bigint AS total
      FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
      WHERE a."userId" = ${userId}::uuid
      GROUP BY a.kind, a.currency`,
    db.contract.groupBy({ by: ["status"], where: { userId }, _count: { _all: true }, _sum: { th: true } }),
    db.contract.findMany({
      where: { userId },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, th: true, status: true, startsAt: true, endsAt: true, product: { select: { title: true } } },
    }),
    db.activityEvent.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 15,
      select: { id: true, type: true, ip: true, createdAt: true },
    }),
  ]);
  const amount = (kind: string, currency: string) =>
    balances.find((row) => row.kind === kind && row.currency === currency)?.total ?? 0n;
  return {
    usd: amount("customer_cash", "USD"),
    btc: amount("customer_cash", "BTC"),
    heldBtc: amount("customer_held", "BTC"),
    contracts: contracts.map((row) => ({ status: row.status, count: row._count._all, th: row._sum.th ?? 0 })),
    latestContracts,
    activity,
  };
}

/** Why the account is restricted, for the customer's own dashboard; null when it is not. */
export async function ownRestriction(userId: string): Promise<{ reason: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { status: true, restrictionReason: true } });
  return user?.status === "restricted"
    ? { reason: user.restrictionReason ?? "No reason was recorded. Contact support to ask." }
    : null;
}
