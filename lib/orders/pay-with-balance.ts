// Paying an order from the USD balance: the debit, the order marked paid and its contract are
// one transaction. The customer's account row is locked first, so two payments at once cannot
// both spend the same dollars.
import "server-only";
import { UserError } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { assertKycAllows } from "@/lib/kyc/gates";
import { balance, customerUsd, lockAccount } from "@/lib/ledger/ledger";
import { formatUsd } from "@/lib/money/format";
import { fulfilOrder } from "./fulfil-order";

export async function payWithBalance(orderId: string, userId: string, now = new Date()): Promise<{ contractId: string }> {
  return db.$transaction(async (tx) => {
    await lockAccount(tx, customerUsd(userId));
    const order = await tx.order.findFirst({ where: { id: orderId, userId } });
    if (!order) throw new UserError("That order does not exist.");
    if (order.status !== "pending_payment") throw new UserError(order.status === "paid" ? "This order is already paid." : `This order is ${order.status.replace("_", " ")} and can no longer be paid.`);
    if (order.reservedUntil <= now) throw new UserError("This order's 30-minute reservation has ended. Place a new order.");

    const total = BigInt(order.totalCents);
    await assertKycAllows(userId, { purchaseCents: total }, tx);
    const available = await balance(tx, customerUsd(userId));
    if (available < total) throw new UserError(`Your balance is ${formatUsd(available)}; this order needs ${formatUsd(total)}. Top up first.`);

    return { contractId: await fulfilOrder(tx, order, { via: "balance" }, now) };
  });
}
