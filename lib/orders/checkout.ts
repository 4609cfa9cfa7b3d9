// Checkout: places an order (reserving the TH), then pays it from the balance at once or hands
// it to Stripe Checkout. Returns where the customer goes next.
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { CARD_PAYMENT_UNAVAILABLE, startCardCheckout } from "@/lib/payments/card-checkout";
import { cardPaymentClient } from "@/lib/payments/stripe";
import type { PlaceOrderInput } from "@/lib/validation/orders";
import { payWithBalance } from "./pay-with-balance";
import { placeOrder } from "./place-order";
import { routes } from "@/lib/routes";

export async function checkout(userId: string, input: PlaceOrderInput, request: RequestInfo): Promise<string> {
  const client = cardPaymentClient();
  if (input.paymentMethod === "card" && !client) throw new UserError(CARD_PAYMENT_UNAVAILABLE);
  const { orderId } = await placeOrder({
    userId,
    slug: input.slug,
    th: input.th,
    paymentMethod: input.paymentMethod,
    idempotencyKey: input.idempotencyKey,
  });
  await recordActivity(userId, "order_placed", request, { orderId, th: input.th });
  if (client && input.paymentMethod === "card") return startCardCheckout(client, orderId, userId);
  try {
    await payWithBalance(orderId, userId);
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(
        `Your order is reserved for 30 minutes but not paid: ${error.message} You can pay it from Orders.`,
      );
    }
    throw error;
  }
  return routes.dashboard.paidOrder(orderId);
}

/**
 * Buying through the customer API: places the order and pays it from the balance at once. A
 * repeat of an idempotency key gives back the order it placed, untouched (never paid twice,
 * never placed twice). When the balance does not cover it, the order stays reserved, unpaid,
 * and `unpaidReason` says why.
 */
export async function buyFromBalance(
  userId: string,
  input: { slug: string; th: number; idempotencyKey: string },
  request: RequestInfo,
): Promise<{ orderId: string; created: boolean; unpaidReason: string | null }> {
  const placed = await placeOrder({ userId, ...input, paymentMethod: "balance" });
  if (!placed.created) return { ...placed, unpaidReason: null };
  await recordActivity(userId, "order_placed", request, { orderId: placed.orderId, th: input.th });
  try {
    await payWithBalance(placed.orderId, userId);
    return { ...placed, unpaidReason: null };
  } catch (error) {
    if (error instanceof UserError) return { ...placed, unpaidReason: error.message };
    throw error;
  }
}
