"use server";

// Publishes, marks sold out, archives or re-opens a product.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { setProductStatus } from "@/lib/catalogue/manage-products";
import { done } from "@/lib/errors";
import { productStatusInput } from "@/lib/validation/products";
import { routes } from "@/lib/routes";

export const setProductStatusAction = defineAction(
  { access: "products.manage", input: productStatusInput },
  async ({ id, status }, ctx) => {
    const { slug } = await setProductStatus(ctx.user, id, status, ctx.request);
    revalidatePath("/");
    revalidatePath(routes.product(slug));
    revalidatePath(routes.admin.product(id));
    revalidatePath(routes.admin.products);
    return done("Status changed.");
  },
);
