// The words for a product's state in the staff console.
import type { ProductStatus } from "@/lib/generated/prisma/enums";

export const PRODUCT_STATUS: Record<ProductStatus, string> = {
  draft: "draft",
  on_sale: "on sale",
  sold_out: "sold out",
  archived: "archived",
};
