"use server";

// Publishes, marks sold out, archives or re-opens a product.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { setProductStatus } from "@/lib/catalogue/manage-products";

const input = z.object({ id: z.uuid("Unknown product."), status: z.enum(["on_sale", "sold_out", "archived"], { error: "Choose a status." }) });

export const setProductStatusAction = defineAction({ access: "products.manage", input }, async ({ id, status }, ctx) => {
  await setProductStatus(ctx.user, id, status, ctx.request);
  revalidatePath(`/admin/products/${id}`);
  revalidatePath("/admin/products");
  return { ok: true as const, data: undefined, message: "Status changed." };
});
