// Paying an order from the USD balance: the debit, the order marked paid and its contract are
// one transaction. The customer's account row is locked first, so two payments at once cannot
// both spend the same dollars. An open card session for the order is closed through Stripe
// first, so the order cannot be paid by card as well; if that card payment already went
// through, the balance is not touched.
import "server-only";
import type Stripe from "stripe";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { balance, customerUsd, lockAccount } from "@/lib/ledger/ledger";
import { formatUsd } from "@/lib/money/format";
import { closeCheckoutSession } from "@/lib/payments/card-checkout";
import { stripe } from "@/lib/payments/stripe";
import { fulfilOrder } from "./fulfil-order";
import { ACCOUNT_CANNOT_PAY, lockCustomerPayments, paymentRefusal } from "./payment-guard";

export async function payWithBalance(
  orderId: string,
  userId: string,
  now = new Date(),
  client: Stripe | null = stripe(),
): Promise<{ contractId: string }> {
  const seen = await db.order.findFirst({
    where: { id: orderId, userId },
    select: { status: true, stripeCheckoutSessionId: true, user: { select: { status: true } } },
  });
  if (!seen) throw new UserError("That order does not exist.");
  // Refused before Stripe is asked to close anything; checked again under the lock below.
  if (seen.user.status !== "active") throw new UserError(ACCOUNT_CANNOT_PAY);
  if (seen.status === "pending_payment" && seen.stripeCheckoutSessionId)
    await closeCheckoutSession(client, seen.stripeCheckoutSessionId);

  return db.$transaction(async (tx) => {
    await lockCustomerPayments(tx, userId);
    await lockAccount(tx, customerUsd(userId)); // any other debit of this balance waits too
    const order = await tx.order.findFirst({ where: { id: orderId, userId } });
    if (!order) throw new UserError("That order does not exist.");
    if (order.status !== "pending_payment")
      throw new UserError(
        order.status === "paid"
          ? "This order is already paid."
          : `This order is ${order.status.replace("_", " ")} and can no longer be paid.`,
      );
    if (order.reservedUntil <= now)
      throw new UserError("This order's 30-minute reservation has ended. Place a new order.");
    // A card session opened after the one closed above could still take money.
    if (order.stripeCheckoutSessionId !== seen.stripeCheckoutSessionId)
      throw new UserError("This order changed meanwhile. Reload the page.");

    const refusal = await paymentRefusal(tx, order, now);
    if (refusal) throw new UserError(refusal.message);
    const total = BigInt(order.totalCents);
    const available = await balance(tx, customerUsd(userId));
    if (available < total)
      throw new UserError(
        `Your balance is ${formatUsd(available)}; this order needs ${formatUsd(total)}. Top up first.`,
      );

    return { contractId: await fulfilOrder(tx, order, { via: "balance" }, now) };
  });
}
