import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { isBuyable, remainingTh, soldPercent, type ProductView } from "@/lib/catalogue/product-view";
import { buyNowHref } from "@/lib/catalogue/links";
import { formatBtc, formatRateUsd, formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { fromScaled } from "@/lib/money/fixed-point";
import { RATE_SCALE } from "@/lib/money/units";
import { priceOrder } from "@/lib/pricing/order-price";
import { estimatePlan, type MarketConditions } from "@/lib/pricing/plan-estimate";
import { ProgressBar } from "./ui/progress-bar";
import { ButtonLink } from "./ui/button-link";
import { routes } from "@/lib/routes";

/** Output is quoted for a round 100 TH so whole satoshis stay precise. */
export const OUTPUT_REFERENCE_TH = 100;

export function ProductCard({ product, market }: { product: ProductView; market: MarketConditions | null }) {
  const perTh = priceOrder(product, 1);
  const reference = market ? estimatePlan(product, market, OUTPUT_REFERENCE_TH) : null;
  const sold = soldPercent(product);
  const buyable = isBuyable(product);
  const termServicePerTh = fromScaled(perTh.serviceFeeMicros, RATE_SCALE);

  return (
    <article
      className="flex flex-col rounded-xl border border-line bg-surface p-5 shadow-sm"
      aria-labelledby={`plan-${product.slug}`}
      data-testid="product-card"
    >
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-subtle">{product.machineModel}</p>
          <h3 id={`plan-${product.slug}`} className="mt-1 text-lg font-semibold tracking-tight">
            <Link href={routes.product(product.slug)} className="hover:underline hover:underline-offset-4">
              {product.title}
            </Link>
          </h3>
        </div>
        <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-chip px-2.5 py-1 text-xs font-medium text-muted">
          <CalendarClock className="size-3.5" aria-hidden /> {product.durationDays} days
        </span>
      </header>

      <p className="mt-5 flex items-baseline gap-1.5">
        <span className="text-3xl font-semibold tabular-nums tracking-tight">
          {formatRateUsd(fromScaled(perTh.hashrateFeeMicros + perTh.serviceFeeMicros, RATE_SCALE))}
        </span>
        <span className="text-sm text-muted">per TH, whole term</span>
      </p>

      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex justify-between gap-3">
          <dt className="text-muted">Hashrate fee</dt>
          <dd className="tabular-nums" data-testid="hashrate-fee">
            {formatRateUsd(product.hashrateFeePerTh)} / TH
          </dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-muted">Service fee</dt>
          <dd className="text-right tabular-nums" data-testid="service-fee">
            {formatRateUsd(product.serviceFeePerThDay)} / TH / day
            <span className="block text-xs text-subtle">
              {formatRateUsd(termServicePerTh)} / TH for {product.durationDays} days
            </span>
          </dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-muted">Est. daily output · {OUTPUT_REFERENCE_TH} TH</dt>
          <dd className="text-right tabular-nums" data-testid="daily-output">
            {reference ? (
              <>
                {formatBtc(reference.dailySats)}
                <span className="block text-xs text-subtle">≈ {formatUsd(reference.dailyCents)} / day</span>
              </>
            ) : (
              "No market data yet"
            )}
          </dd>
        </div>
      </dl>

      <div className="mt-auto pt-5">
        <div className="mb-1.5 flex justify-between text-xs text-muted">
          <span data-testid="sold-label">Sold {sold}%</span>
          <span className="tabular-nums">{formatInteger(remainingTh(product))} TH left</span>
        </div>
        <ProgressBar value={sold} label={`${product.title}: sold ${sold}%`} />
        <div className="mt-4 flex gap-2">
          {buyable ? (
            <ButtonLink href={buyNowHref(product.slug)} className="flex-1" aria-label={`Buy Now: ${product.title}`}>
              Buy Now
            </ButtonLink>
          ) : (
            <span className="inline-flex flex-1 items-center justify-center rounded-md bg-chip px-4 py-2 text-sm font-semibold text-muted">
              Sold out
            </span>
          )}
          <ButtonLink
            href={routes.product(product.slug)}
            variant="secondary"
            aria-label={`Details and calculator: ${product.title}`}
          >
            Details
          </ButtonLink>
        </div>
      </div>
    </article>
  );
}
