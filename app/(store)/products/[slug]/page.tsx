import { Cpu, Info } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarketSummary } from "@/components/market-summary";
import { PlanCalculator } from "@/components/plan-calculator";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Stat } from "@/components/ui/stat";
import { remainingTh, soldPercent } from "@/lib/catalogue/product-view";
import { findPublicProduct } from "@/lib/catalogue/queries";
import { latestMarket } from "@/lib/market/queries";
import { formatRateUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { fromScaled } from "@/lib/money/fixed-point";
import { RATE_SCALE } from "@/lib/money/units";
import { priceOrder } from "@/lib/pricing/order-price";
import { routes } from "@/lib/routes";

// Rendered on first visit and refreshed in the background at most every 10 seconds.
export const revalidate = 10;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await findPublicProduct((await params).slug);
  return product
    ? {
        title: product.title,
        description: `${product.machineModel} hashrate for ${product.durationDays} days: fees, estimated output and a calculator.`,
      }
    : { title: "Plan not found" };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const [product, market] = await Promise.all([findPublicProduct(slug), latestMarket()]);
  if (!product) notFound();

  const sold = soldPercent(product);
  const termServicePerTh = fromScaled(priceOrder(product, 1).serviceFeeMicros, RATE_SCALE);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href={routes.plans} className="hover:text-fg">
          Plans
        </Link>{" "}
        / <span aria-current="page">{product.title}</span>
      </nav>

      <div className="mt-4 grid items-start gap-8 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-8">
          <header>
            <p className="flex items-center gap-1.5 text-sm font-medium uppercase tracking-wide text-subtle">
              <Cpu className="size-4" aria-hidden /> {product.machineModel}
            </p>
            <h1 className="mt-1 text-3xl font-semibold tracking-tight sm:text-4xl">{product.title}</h1>
            {product.status !== "on_sale" ? (
              <p className="mt-2 inline-block rounded-full bg-zinc-200 px-3 py-1 text-sm font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {product.status === "sold_out" ? "Sold out" : "No longer on sale"}
              </p>
            ) : null}
          </header>

          <section aria-labelledby="availability-title">
            <h2 id="availability-title" className="sr-only">
              Availability
            </h2>
            <div className="mb-1.5 flex justify-between text-sm">
              <span data-testid="sold-label">Sold {sold}%</span>
              <span className="tabular-nums text-muted">
                {formatInteger(remainingTh(product))} of {formatInteger(product.inventoryTh)} TH left
              </span>
            </div>
            <ProgressBar value={sold} label={`Sold ${sold}%`} />
          </section>

          <section aria-labelledby="terms-title" className="rounded-xl border border-line p-5">
            <h2 id="terms-title" className="font-semibold">
              Plan details
            </h2>
            <dl className="mt-2 divide-y divide-line">
              <Stat
                label="Hashrate fee"
                value={`${formatRateUsd(product.hashrateFeePerTh)} / TH`}
                hint="once, for the whole term"
              />
              <Stat
                label="Service fee"
                value={`${formatRateUsd(product.serviceFeePerThDay)} / TH / day`}
                hint={`${formatRateUsd(termServicePerTh)} / TH for ${product.durationDays} days, prepaid`}
              />
              <Stat
                label="Term"
                value={`${product.durationDays} days`}
                hint="starts 00:00 UTC the day after payment (T+1)"
              />
              <Stat
                label="Machine"
                value={`${product.machineModel}, ${formatInteger(product.machineHashrateThs)} TH/s`}
              />
              <Stat label="Efficiency" value={`${product.efficiencyJPerTh} J/TH`} />
              <Stat label="Electricity price" value={`${formatRateUsd(product.electricityUsdPerKwh)} / kWh`} />
              <Stat
                label="Pool fee"
                value={`${fromScaled(BigInt(product.poolFeeBps), 2)} %`}
                hint="deducted from output"
              />
              <Stat
                label="Order size"
                value={`${formatInteger(product.minOrderTh)}–${formatInteger(product.maxOrderTh)} TH`}
              />
            </dl>
          </section>

          <section
            aria-labelledby="fees-title"
            className="flex gap-3 rounded-xl bg-amber-50 p-5 text-sm leading-6 text-zinc-700 dark:bg-amber-500/10 dark:text-zinc-300"
          >
            <Info className="mt-0.5 size-5 shrink-0 text-accent-ink" aria-hidden />
            <div>
              <h2 id="fees-title" className="font-semibold text-fg">
                What the fees pay for
              </h2>
              <p className="mt-1">
                The <strong>hashrate fee</strong> buys your share of the machines&apos; hashrate for the term. The{" "}
                <strong>service fee</strong> covers electricity ({product.efficiencyJPerTh} J/TH at{" "}
                {formatRateUsd(product.electricityUsdPerKwh)}/kWh) and maintenance. It is paid up front for the whole
                term, so your contract is never suspended for unpaid power.
              </p>
            </div>
          </section>
        </div>

        <div className="space-y-5 lg:sticky lg:top-20">
          <PlanCalculator product={product} market={market} />
          {market ? <MarketSummary market={market} title="Estimates use" /> : null}
        </div>
      </div>
    </div>
  );
}
