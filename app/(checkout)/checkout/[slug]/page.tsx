import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { CheckoutForm } from "@/components/orders/checkout-form";
import { isBuyable } from "@/lib/catalogue/product-view";
import { findPublicProduct } from "@/lib/catalogue/queries";
import { requireUser } from "@/lib/auth/session";
import { usdBalance } from "@/lib/ledger/queries";
import { contractWindow } from "@/lib/orders/contracts";
import { cardPaymentsEnabled } from "@/lib/payments/stripe";
import { IntentLink } from "@/components/ui/intent-link";
import { formatDateTimeWithUtc } from "@/lib/format/date";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Checkout" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Reads live inventory and the live balance (never the storefront's cached copy).
export default async function CheckoutPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { th } = await searchParams;
  const askedTh = typeof th === "string" && /^\d{1,9}$/.test(th) ? Number(th) : undefined;
  const user = await requireUser(routes.checkout(slug, askedTh));
  const product = await findPublicProduct(slug);
  if (!product) notFound();
  const initial = askedTh ?? Math.max(product.minOrderTh, Math.min(100, product.maxOrderTh));
  const available = await usdBalance(user.id);
  const { startsAt } = contractWindow(new Date(), product.startDelayDays, product.durationDays);

  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <p className="text-sm text-subtle">{product.machineModel}</p>
      <h1 className="text-2xl font-semibold tracking-tight">Checkout: {product.title}</h1>
      {!user.emailVerifiedAt ? (
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm dark:bg-amber-500/10">
          Confirm your email before buying.{" "}
          <IntentLink href={routes.dashboard.home} className="underline">
            Send a new link
          </IntentLink>
          .
        </p>
      ) : null}
      <div className="mt-6 rounded-xl border border-line bg-surface p-5">
        {isBuyable(product) ? (
          <CheckoutForm
            product={product}
            initialTh={initial}
            balanceCents={available.toString()}
            idempotencyKey={randomUUID()}
            startsAt={formatDateTimeWithUtc(startsAt, user.timeZone)}
            cardAvailable={cardPaymentsEnabled()}
          />
        ) : (
          <p className="text-sm text-muted">This plan is sold out or no longer on sale.</p>
        )}
      </div>
    </div>
  );
}
