import type { Metadata } from "next";
import { ProductForm } from "@/components/catalogue/product-form";
import { requirePermission } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requirePermission("products.manage", routes.admin.newProduct);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New product</h1>
      <p className="text-sm text-muted">New products start as drafts, invisible to customers until you publish them.</p>
      <ProductForm product={null} />
    </div>
  );
}
