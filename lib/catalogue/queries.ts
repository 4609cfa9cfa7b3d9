// Reads of the catalogue for the storefront. Drafts are never shown; archived plans keep their
// page (customers may have bookmarked them) but leave the grid.
import "server-only";
import { db } from "@/lib/db";
import { toProductView, type ProductView } from "./product-view";
import { SLUG_PATTERN } from "./slug";


export async function listStorefrontProducts(): Promise<ProductView[]> {
  const products = await db.product.findMany({
    where: { status: { in: ["on_sale", "sold_out"] } },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
  });
  return products.map(toProductView);
}

/** The public product behind a slug, or null for unknown, malformed or draft slugs. */
export async function findPublicProduct(slug: string): Promise<ProductView | null> {
  if (slug.length > 100 || !SLUG_PATTERN.test(slug)) return null;
  const product = await db.product.findFirst({ where: { slug, status: { not: "draft" } } });
  return product ? toProductView(product) : null;
}
