"use server";

// The admin's "settle these days" button: what the 00:10 UTC job does, for a chosen range.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { settleDaysByAdmin } from "@/lib/market/manage-snapshot";
import { settleRangeInput } from "@/lib/validation/market";
import { routes } from "@/lib/routes";

export const settleRangeAction = defineAction(
  { access: "market.manage", input: settleRangeInput },
  async (input, ctx) => {
    const outcomes = await settleDaysByAdmin(ctx.user, input.from, input.to, ctx.request);
    revalidatePath(routes.admin.market);
    revalidatePath(routes.admin.home);
    const settled = outcomes.filter((o) => o.status === "settled");
    const missing = outcomes.filter((o) => o.status === "no_snapshot" && o.contracts > 0).map((o) => o.day);
    const contracts = settled.reduce((total, o) => total + (o.status === "settled" ? o.contracts : 0), 0);
    return done(
      `Settled ${settled.length} day(s), ${contracts} new contract-day(s).` +
        (missing.length ? ` Skipped for lack of market data: ${missing.join(", ")}.` : ""),
    );
  },
);
