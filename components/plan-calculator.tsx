"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { CircleAlert } from "lucide-react";
import { isBuyable, remainingTh, type ProductView } from "@/lib/catalogue/product-view";
import { buyNowHref } from "@/lib/catalogue/links";
import { toMarketConditions, type MarketView } from "@/lib/market/market-view";
import { divRoundHalfUp } from "@/lib/money/fixed-point";
import { formatBtc, formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { MICROS_PER_CENT } from "@/lib/money/units";
import { checkThAmount, estimatePlan } from "@/lib/pricing/plan-estimate";
import { ButtonLink } from "./ui/button-link";

type Props = { product: ProductView; market: MarketView | null };

// The link's ?th=, read in the browser: the product page is prerendered, so the server renders the
// calculator with the default amount (it is in the page's HTML, no skeleton), and a link's amount
// replaces it once the page runs.
const noSubscription = () => () => {};
const readAmountFromLink = () => new URLSearchParams(window.location.search).get("th");
const onServer = () => null;

// Prices N TH of a plan with the same functions the server charges with. The starting amount
// may come from the link (?th=…); anything malformed there is shown as a message, not an error.
export function PlanCalculator(props: Props) {
  const fromLink = useSyncExternalStore(noSubscription, readAmountFromLink, onServer);
  return <Calculator key={fromLink ?? ""} fromLink={fromLink} {...props} />;
}

function Calculator({ product, market, fromLink }: Props & { fromLink: string | null }) {
  const bounds = {
    minOrderTh: product.minOrderTh,
    maxOrderTh: Math.min(product.maxOrderTh, Math.max(remainingTh(product), product.minOrderTh)),
  };
  const initial = fromLink ?? String(Math.min(Math.max(100, bounds.minOrderTh), bounds.maxOrderTh));
  const [text, setText] = useState(initial.slice(0, 20));
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const check = checkThAmount(text, bounds);
  const estimate = check.ok && market ? estimatePlan(product, toMarketConditions(market), check.th) : null;
  const price = check.ok ? estimate?.price : null;
  const btcPriceCents = market ? BigInt(market.btcPriceCents) : null;
  const result = estimate ? estimate.termCents - estimate.price.totalCents : null;
  const buyable = isBuyable(product);

  return (
    <section aria-labelledby="calculator-title" className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h2 id="calculator-title" className="text-lg font-semibold">
        Calculator
      </h2>
      <div className="mt-4">
        <label htmlFor={inputId} className="text-sm font-medium">
          Hashrate (TH)
        </label>
        <div className="mt-1.5 flex items-center gap-3">
          <input
            id={inputId}
            name="th"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value.slice(0, 20))}
            aria-invalid={!check.ok}
            aria-describedby={check.ok ? `${inputId}-hint` : errorId}
            className="w-32 rounded-md border border-zinc-300 bg-white px-3 py-2 text-right tabular-nums shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950"
          />
          <span className="text-sm text-muted">TH</span>
        </div>
        <input
          type="range"
          aria-label="Hashrate slider"
          min={bounds.minOrderTh}
          max={bounds.maxOrderTh}
          step={1}
          value={check.ok ? check.th : bounds.minOrderTh}
          onChange={(event) => setText(event.target.value)}
          className="mt-3 w-full accent-amber-500"
        />
        {check.ok ? (
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-subtle">
            {formatInteger(bounds.minOrderTh)}–{formatInteger(bounds.maxOrderTh)} TH per order
          </p>
        ) : (
          <p
            id={errorId}
            role="alert"
            className="mt-2 flex items-center gap-1.5 text-sm text-red-700 dark:text-red-400"
          >
            <CircleAlert className="size-4 shrink-0" aria-hidden /> {check.message}
          </p>
        )}
      </div>

      <dl className="mt-5 divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-live="polite">
        <Row label="Hashrate fee" value={price ? formatUsd(price.hashrateFeeCents) : "—"} testId="calc-hashrate-fee" />
        <Row
          label={`Service fee (${product.durationDays} days)`}
          value={price ? formatUsd(price.serviceFeeCents) : "—"}
          hint={
            price
              ? `${formatUsd(divRoundHalfUp(price.serviceFeePerDayMicros, MICROS_PER_CENT))} a day, prepaid`
              : undefined
          }
          testId="calc-service-fee"
        />
        <Row label="Total" value={price ? formatUsd(price.totalCents) : "—"} strong testId="calc-total" />
        <Row
          label="Est. daily output"
          value={estimate ? formatBtc(estimate.dailySats) : "—"}
          hint={estimate ? `≈ ${formatUsd(estimate.dailyCents)}` : undefined}
          testId="calc-daily-output"
        />
        <Row
          label={`Est. output over ${product.durationDays} days`}
          value={estimate ? formatBtc(estimate.termSats) : "—"}
          hint={estimate ? `≈ ${formatUsd(estimate.termCents)} at today's price` : undefined}
          testId="calc-term-output"
        />
        <Row
          label="Break-even BTC price"
          value={
            estimate
              ? estimate.breakEvenCents === null
                ? "Never at today's difficulty"
                : formatUsd(estimate.breakEvenCents)
              : "—"
          }
          hint={btcPriceCents !== null ? `today ${formatUsd(btcPriceCents)}` : undefined}
          testId="calc-break-even"
        />
        {result !== null ? (
          <Row
            label="Est. result at today's price"
            value={
              <span className={result >= 0n ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}>
                {result >= 0n ? "+" : ""}
                {formatUsd(result)}
              </span>
            }
            testId="calc-result"
          />
        ) : null}
      </dl>
      {!market ? (
        <p className="mt-3 text-sm text-muted">Output estimates appear once market data is available.</p>
      ) : null}

      <div className="mt-5">
        {buyable ? (
          <ButtonLink href={buyNowHref(product.slug, check.ok ? check.th : undefined)} className="w-full">
            Buy Now{check.ok ? ` · ${formatInteger(check.th)} TH` : ""}
          </ButtonLink>
        ) : (
          <p className="rounded-md bg-chip px-4 py-2 text-center text-sm font-semibold text-muted">
            {product.status === "archived" ? "No longer on sale" : "Sold out"}
          </p>
        )}
        <p className="mt-2 text-xs leading-5 text-subtle">
          Output is an estimate at today&apos;s difficulty and price; both change. The price is fixed when you order.
        </p>
      </div>
    </section>
  );
}

function Row({
  label,
  value,
  hint,
  strong = false,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint?: string;
  strong?: boolean;
  testId: string;
}) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className={strong ? "font-semibold" : "text-muted"}>{label}</dt>
      <dd className={`text-right tabular-nums ${strong ? "text-base font-semibold" : ""}`} data-testid={testId}>
        {value}
        {hint ? <span className="block text-xs font-normal text-subtle">{hint}</span> : null}
      </dd>
    </div>
  );
}
