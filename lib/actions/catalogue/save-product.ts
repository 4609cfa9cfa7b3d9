"use server";

// Creates a product (as a draft) or saves changes to one.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { saveProduct } from "@/lib/catalogue/manage-products";
import { saveProductInput } from "@/lib/validation/products";
import { routes } from "@/lib/routes";

export const saveProductAction = defineAction(
  { access: "products.manage", input: saveProductInput },
  async ({ id, ...product }, ctx) => {
    const saved = await saveProduct(ctx.user, id ?? null, product, ctx.request);
    revalidatePath("/");
    revalidatePath(routes.product(saved.slug));
    redirect(routes.admin.savedProduct(saved.id));
  },
);
