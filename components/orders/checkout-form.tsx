"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useActionState, useState } from "react";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { placeOrderAction } from "@/lib/actions/orders/place-order";
import type { ProductView } from "@/lib/catalogue/product-view";
import { formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { checkThAmount } from "@/lib/pricing/plan-estimate";
import { priceOrder } from "@/lib/pricing/order-price";
import { ActionForm } from "@/components/forms/action-form";
import { routes } from "@/lib/routes";

// The breakdown shown here uses the same pricing function the server charges with; the server
// recomputes it from the database when the order is placed.
export function CheckoutForm({
  product,
  initialTh,
  balanceCents,
  idempotencyKey,
  startsAt,
  cardAvailable,
}: {
  product: ProductView;
  initialTh: number;
  balanceCents: string;
  idempotencyKey: string;
  /** When mining starts, already formatted on the server (local time and UTC). */
  startsAt: string;
  cardAvailable: boolean;
}) {
  const [state, action] = useActionState(placeOrderAction, null);
  const [text, setText] = useState(String(initialTh));
  const [accepted, setAccepted] = useState(false);
  const check = checkThAmount(text, { minOrderTh: product.minOrderTh, maxOrderTh: product.maxOrderTh });
  const price = check.ok ? priceOrder(product, check.th) : null;
  const balance = BigInt(balanceCents);
  const short = price ? price.totalCents > balance : false;

  return (
    <ActionForm action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="slug" value={product.slug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div>
        <label htmlFor="checkout-th" className="block text-sm font-medium">
          Hashrate (TH)
        </label>
        <input
          id="checkout-th"
          name="th"
          inputMode="numeric"
          value={text}
          onChange={(event) => setText(event.target.value.slice(0, 12))}
          aria-invalid={!check.ok || Boolean(fieldErrors(state, "th"))}
          aria-describedby="checkout-th-help"
          className="mt-1.5 w-40 rounded-md border border-line bg-surface px-3 py-2 text-right tabular-nums shadow-sm aria-invalid:border-red-500"
        />
        <p
          id="checkout-th-help"
          className={`mt-1 text-sm ${check.ok ? "text-subtle" : "text-red-700 dark:text-red-400"}`}
        >
          {check.ok
            ? `${formatInteger(product.minOrderTh)}–${formatInteger(product.maxOrderTh)} TH per order`
            : check.message}
          {fieldErrors(state, "th") ? ` ${fieldErrors(state, "th")!.join(" ")}` : ""}
        </p>
      </div>

      <dl className="divide-y divide-line rounded-lg border border-line text-sm" aria-live="polite">
        <div className="flex justify-between px-4 py-2">
          <dt className="text-muted">Hashrate fee</dt>
          <dd className="tabular-nums" data-testid="checkout-hashrate-fee">
            {price ? formatUsd(price.hashrateFeeCents) : "—"}
          </dd>
        </div>
        <div className="flex justify-between px-4 py-2">
          <dt className="text-muted">Service fee, {product.durationDays} days prepaid</dt>
          <dd className="tabular-nums" data-testid="checkout-service-fee">
            {price ? formatUsd(price.serviceFeeCents) : "—"}
          </dd>
        </div>
        <div className="flex justify-between px-4 py-2 text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="checkout-total">
            {price ? formatUsd(price.totalCents) : "—"}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        Mining starts <span className="tabular-nums">{startsAt}</span> and runs {product.durationDays} days.
      </p>

      <fieldset>
        <legend className="text-sm font-medium">Pay with</legend>
        <div className="mt-2 space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input type="radio" name="paymentMethod" value="balance" defaultChecked className="mt-1 accent-amber-500" />
            <span>
              Balance — {formatUsd(balance)} available
              {short ? (
                <span className="block text-red-700 dark:text-red-400">
                  Not enough for this order.{" "}
                  <IntentLink href={routes.dashboard.wallet} className="underline">
                    Top up
                  </IntentLink>{" "}
                  first.
                </span>
              ) : null}
            </span>
          </label>
          <label className={`flex items-start gap-2 ${cardAvailable ? "" : "text-subtle"}`}>
            <input
              type="radio"
              name="paymentMethod"
              value="card"
              disabled={!cardAvailable}
              className="mt-1 accent-amber-500"
            />
            <span>{cardAvailable ? "Card — on Stripe's secure page" : "Card — not available right now"}</span>
          </label>
        </div>
      </fieldset>

      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="acceptTerms"
          checked={accepted}
          onChange={(event) => setAccepted(event.target.checked)}
          className="mt-1 accent-amber-500"
        />
        <span>
          I accept the contract terms: output is not guaranteed and depends on difficulty and the BTC price; fees are
          not refundable once mining starts.
        </span>
      </label>
      {fieldErrors(state, "acceptTerms") ? (
        <p className="text-sm text-red-700 dark:text-red-400">{fieldErrors(state, "acceptTerms")!.join(" ")}</p>
      ) : null}
      <SubmitButton pendingText="Placing your order…">
        {price ? `Pay ${formatUsd(price.totalCents)}` : "Place order"}
      </SubmitButton>
    </ActionForm>
  );
}
