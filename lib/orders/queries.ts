// Reads of orders and contracts: the customer's own (owner id in every where) and the staff list.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import { instantCursor, keysetPage, likeText, seekQuery } from "@/lib/pagination";

const UUID = /^[0-9a-f-]{36}$/i;

/** What a customer's order is shown with: its plan and, once paid, its contract. */
const ORDER_WITH_PLAN_AND_CONTRACT = {
  product: { select: { slug: true, title: true } },
  contract: { select: { id: true, startsAt: true } },
} as const;

/** One page of the customer's orders, newest first (owner id in the where). */
export async function ownOrders(userId: string, cursor?: string, size?: number) {
  return keysetPage({
    cursor,
    codec: instantCursor,
    size,
    fetch: (seek) => {
      const { where, ...page } = seekQuery("createdAt", seek, "desc");
      return db.order.findMany({
        where: { userId, ...where },
        ...page,
        include: ORDER_WITH_PLAN_AND_CONTRACT,
      });
    },
    keyOf: (order) => ({ key: order.createdAt, id: order.id }),
  });
}

/** One of the customer's orders with its plan and contract; null for anyone else's. */
export async function ownOrder(userId: string, id: string) {
  return db.order.findFirst({
    where: { id, userId },
    include: ORDER_WITH_PLAN_AND_CONTRACT,
  });
}

export async function ownContracts(userId: string) {
  return db.contract.findMany({
    where: { userId },
    orderBy: { startsAt: "desc" },
    include: { product: { select: { title: true } } },
  });
}

/** One page of the customer's contracts, newest first (owner id in the where). */
export async function ownContractsPage(userId: string, cursor: string | undefined, size: number) {
  return keysetPage({
    cursor,
    codec: instantCursor,
    size,
    fetch: (seek) => {
      const { where, ...page } = seekQuery("createdAt", seek, "desc");
      return db.contract.findMany({
        where: { userId, ...where },
        ...page,
        include: { product: { select: { slug: true, title: true } } },
      });
    },
    keyOf: (contract) => ({ key: contract.createdAt, id: contract.id }),
  });
}

/** One of the customer's contracts; null for another customer's, unknown or malformed ids. */
export async function ownContract(userId: string, id: string) {
  return UUID.test(id)
    ? db.contract.findFirst({
        where: { id, userId },
        include: { product: { select: { slug: true, title: true, machineModel: true } }, order: true },
      })
    : null;
}

export type StaffOrderFilter = {
  status?: OrderStatus;
  /** Placed on or after this UTC day (YYYY-MM-DD). */
  from?: string;
  /** The customer's email, or its beginning. */
  customer?: string;
  productId?: string;
  contract?: ContractStatus;
  userId?: string;
};

/** One page of orders for the staff console, newest first, filtered. */
export async function ordersForStaff(filter: StaffOrderFilter, cursor?: string, size?: number) {
  const where: Prisma.OrderWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.productId && UUID.test(filter.productId) ? { productId: filter.productId } : {}),
    ...(filter.userId && UUID.test(filter.userId) ? { userId: filter.userId } : {}),
    ...(filter.contract ? { contract: { status: filter.contract } } : {}),
    ...(filter.customer ? { user: { email: { startsWith: likeText(filter.customer.toLowerCase()) } } } : {}),
  };
  const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
  return keysetPage({
    cursor,
    codec: instantCursor,
    size,
    fetch: (seek) => {
      const page = seekQuery("createdAt", seek, "desc");
      return db.order.findMany({
        where: { AND: [where, page.where, from && !Number.isNaN(from.getTime()) ? { createdAt: { gte: from } } : {}] },
        orderBy: page.orderBy,
        take: page.take,
        include: {
          user: { select: { id: true, email: true } },
          product: { select: { title: true } },
          contract: { select: { status: true } },
        },
      });
    },
    keyOf: (order) => ({ key: order.createdAt, id: order.id }),
  });
}
