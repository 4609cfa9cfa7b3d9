"use server";

// Emails the customers who asked for news about new plans that this plan is on sale (once).
import { defineAction } from "@/lib/actions/define-action";
import { announcePlan } from "@/lib/catalogue/announce-plan";
import { done } from "@/lib/errors";
import { announcePlanInput } from "@/lib/validation/products";

export const announcePlanAction = defineAction(
  { access: "products.manage", input: announcePlanInput },
  async ({ id }, ctx) => {
    const sent = await announcePlan(id, ctx.user.id, ctx.request);
    return done(`Announced to ${sent} subscriber${sent === 1 ? "" : "s"}.`);
  },
);
