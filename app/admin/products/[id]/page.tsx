import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { AnnouncePlanButton } from "@/components/catalogue/announce-plan-button";
import { ProductForm, ProductStatusButtons } from "@/components/catalogue/product-form";
import { requirePermission } from "@/lib/auth/session";
import { findProductById } from "@/lib/catalogue/queries";
import { routes } from "@/lib/routes";
import { PRODUCT_STATUS } from "@/lib/catalogue/status-labels";

export const metadata: Metadata = { title: "Product" };

const ACTIONS = {
  draft: [
    { status: "on_sale", label: "Publish" },
    { status: "archived", label: "Archive" },
  ],
  on_sale: [
    { status: "sold_out", label: "Mark sold out" },
    { status: "archived", label: "Archive" },
  ],
  sold_out: [
    { status: "on_sale", label: "Put back on sale" },
    { status: "archived", label: "Archive" },
  ],
  archived: [{ status: "on_sale", label: "Put back on sale" }],
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProductPage({ params, searchParams }: Props) {
  await requirePermission("products.manage", routes.admin.products);
  const { id } = await params;
  const { saved } = await searchParams;
  const product = await findProductById(id);
  if (!product) notFound();
  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.products}>Products</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{product.title}</h1>
      {saved ? (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-500/10 dark:text-green-300"
        >
          Saved.
        </p>
      ) : null}
      <section aria-labelledby="status-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="status-title" className="mb-2 font-semibold">
          Status: {PRODUCT_STATUS[product.status]}
        </h2>
        <ProductStatusButtons id={product.id} actions={[...ACTIONS[product.status]]} />
      </section>
      {product.status === "on_sale" ? (
        <section aria-labelledby="announce-title" className="rounded-xl border border-line bg-surface p-5">
          <h2 id="announce-title" className="mb-1 font-semibold">
            Announce
          </h2>
          <p className="mb-3 text-sm text-muted">
            Email the customers who chose news about new plans. Restricted accounts and objections are skipped; each
            plan is announced once.
          </p>
          <AnnouncePlanButton id={product.id} />
        </section>
      ) : null}
      <section aria-labelledby="edit-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="edit-title" className="mb-3 font-semibold">
          Details and prices
        </h2>
        <ProductForm product={product} />
      </section>
    </div>
  );
}
