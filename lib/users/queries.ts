// Reads of accounts for the staff console.
import "server-only";
import { db } from "@/lib/db";

/** Up to 100 accounts, newest first, whose email contains the query. */
export async function searchUsers(query: string) {
  return db.user.findMany({
    where: query ? { email: { contains: query.toLowerCase() } } : undefined,
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      createdAt: true,
    },
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
          role: true,
          status: true,
          emailVerifiedAt: true,
          createdAt: true,
          kycCase: { select: { status: true } },
        },
      })
    : null;
}

/** The figures on the console overview. */
export async function consoleOverview(now = new Date()) {
  const [customers, confirmed, plansOnSale, staffActions] = await Promise.all([
    db.user.count({ where: { role: "customer" } }),
    db.user.count({ where: { role: "customer", emailVerifiedAt: { not: null } } }),
    db.product.count({ where: { status: "on_sale" } }),
    db.auditLog.count({ where: { createdAt: { gte: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } }),
  ]);
  return { customers, confirmed, plansOnSale, staffActions };
}
