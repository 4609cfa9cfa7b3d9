import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ButtonLink } from "@/components/ui/button-link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { requirePermission } from "@/lib/auth/session";
import { soldPercent } from "@/lib/catalogue/product-view";
import { listAllProducts } from "@/lib/catalogue/queries";
import { formatRateUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { routes } from "@/lib/routes";
import { PRODUCT_STATUS } from "@/lib/catalogue/status-labels";

export const metadata: Metadata = { title: "Products" };

export default async function AdminProductsPage() {
  await requirePermission("products.manage", routes.admin.products);
  const products = await listAllProducts();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
        <ButtonLink href={routes.admin.newProduct}>New product</ButtonLink>
      </div>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
        {products.map((product) => (
          <li key={product.id} className="grid gap-2 p-4 sm:grid-cols-[1fr_12rem] sm:items-center">
            <div>
              <IntentLink
                href={routes.admin.product(product.id)}
                className="font-medium text-accent-ink underline underline-offset-4"
              >
                {product.title}
              </IntentLink>
              <p className="text-xs text-subtle">
                {PRODUCT_STATUS[product.status]} · {formatRateUsd(product.hashrateFeePerTh)}/TH +{" "}
                {formatRateUsd(product.serviceFeePerThDay)}/TH/day · {formatInteger(product.soldTh)} of{" "}
                {formatInteger(product.inventoryTh)} TH sold
              </p>
            </div>
            <ProgressBar value={soldPercent(product)} label={`${product.title}: sold ${soldPercent(product)}%`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
