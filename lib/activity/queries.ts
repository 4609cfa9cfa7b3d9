// Reads of the customer's security activity and the staff audit log.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS } from "@/lib/time/utc-days";

export async function recentActivity(userId: string) {
  return db.activityEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
}

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string };

/** The newest 200 audit entries matching the filter; from/to are UTC dates, both inclusive. */
export async function auditEntries(filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actor: { email: { contains: filter.actor.toLowerCase() } } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
  };
  return db.auditLog.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { actor: { select: { email: true } } },
  });
}
