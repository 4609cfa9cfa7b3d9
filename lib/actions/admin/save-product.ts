"use server";

// Creates a product (as a draft) or saves changes to one.
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { saveProduct } from "@/lib/catalogue/manage-products";
import { productInput } from "@/lib/validation/products";

const input = productInput.and(z.object({ id: z.uuid().optional() }));

export const saveProductAction = defineAction({ access: "products.manage", input }, async ({ id, ...product }, ctx) => {
  const savedId = await saveProduct(ctx.user, id ?? null, product, ctx.request);
  redirect(`/admin/products/${savedId}?saved=1`);
});
