// Reads of the customer's security activity and the staff audit log.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { instantCursor, keysetPage, likeText, seekQuery } from "@/lib/pagination";
import { DAY_MS } from "@/lib/time/utc-days";

export async function recentActivity(userId: string) {
  return db.activityEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
}

export type AuditFilter = { action?: string; actor?: string; target?: string; from?: string; to?: string };

/**
 * One page of the audit log, newest first. Filters: the action's beginning, the staff member's
 * email (its beginning), the target's id, and UTC dates from/to, both inclusive.
 */
export async function auditEntries(filter: AuditFilter, cursor?: string) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: { startsWith: likeText(filter.action) } } : {}),
    ...(filter.actor ? { actor: { email: { startsWith: likeText(filter.actor.toLowerCase()) } } } : {}),
    ...(filter.target ? { targetId: filter.target } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
  };
  return keysetPage({
    cursor,
    codec: instantCursor,
    fetch: (seek) => {
      const page = seekQuery("createdAt", seek, "desc");
      return db.auditLog.findMany({
        where: { AND: [where, page.where] },
        orderBy: page.orderBy,
        take: page.take,
        include: { actor: { select: { email: true } } },
      });
    },
    keyOf: (entry) => ({ key: entry.createdAt, id: entry.id }),
  });
}
