// Reads of orders and contracts: the customer's own (owner id in every where) and the staff list.
import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const UUID = /^[0-9a-f-]{36}$/i;

export async function ownOrders(userId: string) {
  return db.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { product: { select: { title: true } }, contract: { select: { id: true, startsAt: true } } },
  });
}

export async function ownContracts(userId: string) {
  return db.contract.findMany({
    where: { userId },
    orderBy: { startsAt: "desc" },
    include: { product: { select: { title: true } } },
  });
}

/** One of the customer's contracts; null for another customer's, unknown or malformed ids. */
export async function ownContract(userId: string, id: string) {
  return UUID.test(id)
    ? db.contract.findFirst({
        where: { id, userId },
        include: { product: { select: { title: true, machineModel: true } }, order: true },
      })
    : null;
}

/** The newest orders for the staff console, optionally of one status. */
export async function ordersForStaff(status: OrderStatus | "all") {
  return db.order.findMany({
    where: status === "all" ? undefined : { status },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: {
      user: { select: { id: true, email: true } },
      product: { select: { title: true } },
      contract: { select: { status: true } },
    },
  });
}
