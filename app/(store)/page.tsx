import { ShieldCheck, Timer, Zap } from "lucide-react";
import { HowItWorks } from "@/components/how-it-works";
import { MarketSummary } from "@/components/market-summary";
import { ProductCard } from "@/components/product-card";
import { ButtonLink } from "@/components/ui/button-link";
import { listStorefrontProducts } from "@/lib/catalogue/queries";
import { toMarketConditions } from "@/lib/market/market-view";
import { latestMarket } from "@/lib/market/queries";

// The storefront is rendered once and refreshed in the background at most every 10 seconds:
// sold percentages may lag that much here, never at checkout, which reads live inventory.
export const revalidate = 10;

const PROMISES = [
  { icon: ShieldCheck, text: "Fees computed on our server, rounded once, shown before you pay" },
  { icon: Zap, text: "Electricity prepaid for the term: never suspended for power bills" },
  { icon: Timer, text: "Your contract starts at 00:00 UTC the day after payment" },
];

export default async function HomePage() {
  const [products, market] = await Promise.all([listStorefrontProducts(), latestMarket()]);
  const conditions = market ? toMarketConditions(market) : null;

  return (
    <div className="mx-auto max-w-6xl px-4">
      <section className="grid items-start gap-8 py-12 sm:py-16 lg:grid-cols-[1fr_22rem]">
        <div>
          <p className="text-sm font-medium text-accent-ink">Bitcoin cloud mining</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Hashrate on real miners, priced to the cent.
          </h1>
          <p className="mt-4 max-w-2xl text-lg leading-8 text-muted">
            Rent Bitcoin hashrate by the TH. You pay a hashrate fee and a prepaid service fee — nothing else — and see
            the expected daily output of your share before you buy.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href="#plans">See plans</ButtonLink>
            <ButtonLink href="#how-it-works" variant="secondary">
              How it works
            </ButtonLink>
          </div>
          <ul className="mt-8 grid gap-3 text-sm text-zinc-700 sm:grid-cols-3 dark:text-zinc-300">
            {PROMISES.map((promise) => (
              <li key={promise.text} className="flex gap-2">
                <promise.icon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
                {promise.text}
              </li>
            ))}
          </ul>
        </div>
        {market ? <MarketSummary market={market} /> : null}
      </section>

      <HowItWorks />

      <section id="plans" aria-labelledby="plans-title" className="mt-16 scroll-mt-20">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="plans-title" className="text-2xl font-semibold tracking-tight">
            Plans on sale
          </h2>
          {market ? (
            <p className="text-sm text-muted">Estimates use the market of {market.day} and assume it stays the same.</p>
          ) : null}
        </div>
        {products.length === 0 ? (
          <p className="mt-6 rounded-xl border border-dashed border-zinc-300 p-10 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No plans are on sale right now. New hashrate is added as machines come online — check back soon.
          </p>
        ) : (
          <div className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} market={conditions} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
