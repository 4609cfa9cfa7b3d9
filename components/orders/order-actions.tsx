"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { cancelOrderAction } from "@/lib/actions/orders/cancel-order";
import { payByCardAction } from "@/lib/actions/orders/pay-by-card";
import { payOrderAction } from "@/lib/actions/orders/pay-order";

// Pay or cancel a reserved order.
export function OrderActions({ orderId, card }: { orderId: string; card: boolean }) {
  const [paid, pay] = useActionState(payOrderAction, null);
  const [carded, payCard] = useActionState(payByCardAction, null);
  const [cancelled, cancel] = useActionState(cancelOrderAction, null);
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <form action={pay}>
          <input type="hidden" name="orderId" value={orderId} />
          <SubmitButton pendingText="Paying…">Pay from balance</SubmitButton>
        </form>
        {card ? (
          <form action={payCard}>
            <input type="hidden" name="orderId" value={orderId} />
            <SubmitButton variant="secondary" pendingText="Opening…">
              Pay by card
            </SubmitButton>
          </form>
        ) : null}
        <form action={cancel}>
          <input type="hidden" name="orderId" value={orderId} />
          <SubmitButton variant="secondary" pendingText="Cancelling…">
            Cancel
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={paid} />
      <FormMessage state={cancelled} />
      <FormMessage state={carded} />
    </div>
  );
}
