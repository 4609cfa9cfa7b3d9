// What paying an order does, whatever paid it: the customer's right to pay checked again under
// their payment lock (account status, identity limit), the order marked paid (only from the
// state the caller saw), the purchase posted to the ledger, the contract created — all in the
// caller's transaction. The ledger's idempotency key makes a second payment of one order impossible.
import "server-only";
import { UserError } from "@/lib/errors";
import type { Prisma, OrderStatus } from "@/lib/generated/prisma/client";
import { customerUsd, postTransaction } from "@/lib/ledger/ledger";
import { createContract } from "./contracts";
import { paymentRefusal } from "./payment-guard";

type Tx = Prisma.TransactionClient;

export type PaidOrder = { id: string; userId: string; th: number; totalCents: number; status: OrderStatus };

export async function fulfilOrder(
  tx: Tx,
  order: PaidOrder,
  payment: { via: "balance" } | { via: "card"; stripeCheckoutSessionId: string },
  now: Date,
): Promise<string> {
  const refusal = await paymentRefusal(tx, order, now);
  if (refusal) throw new UserError(refusal.message);
  const { count } = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: {
      status: "paid",
      paidAt: now,
      // What actually paid it, so a later card payment for the same order is recognised as a second one.
      paymentMethod: payment.via,
      ...(payment.via === "card" ? { stripeCheckoutSessionId: payment.stripeCheckoutSessionId } : {}),
    },
  });
  if (count !== 1) throw new UserError("This order changed meanwhile. Reload the page.");
  const total = BigInt(order.totalCents);
  await postTransaction(tx, {
    kind: "purchase",
    description: `Order ${order.id.slice(0, 8)}: ${order.th} TH${payment.via === "card" ? " (card)" : ""}`,
    orderId: order.id,
    idempotencyKey: `order-paid:${order.id}`,
    postings: [
      {
        account: payment.via === "balance" ? customerUsd(order.userId) : { kind: "stripe_clearing", currency: "USD" },
        amount: -total,
      },
      { account: { kind: "platform_revenue", currency: "USD" }, amount: total },
    ],
  });
  return createContract(tx, order.id, now);
}
