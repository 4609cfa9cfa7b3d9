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

/** Every product, drafts and archived ones included, in storefront order (staff console). */
export async function listAllProducts(): Promise<ProductView[]> {
  return (await db.product.findMany({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] })).map(toProductView);
}

/** Any product by id, for the staff console; null for unknown or malformed ids. */
export async function findProductById(id: string): Promise<ProductView | null> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.product.findUnique({ where: { id } }) : null;
  return row ? toProductView(row) : null;
}
