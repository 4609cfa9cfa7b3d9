"use server";

// An admin adds or corrects a day's market data (audited, with a reason); a settled day only
// with "re-settle", which posts correcting entries.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { saveSnapshot } from "@/lib/market/manage-snapshot";
import { formatSats } from "@/lib/money/format";
import { snapshotInput } from "@/lib/validation/market";
import { routes } from "@/lib/routes";

export const saveSnapshotAction = defineAction(
  { access: "market.manage", input: snapshotInput },
  async (input, ctx) => {
    const outcome = await saveSnapshot(ctx.user, input, ctx.request);
    revalidatePath(routes.admin.market);
    return done(
      outcome.corrected
        ? `${input.day} corrected and re-settled: ${outcome.corrected} contract(s), ${formatSats(outcome.deltaSats)} in all.`
        : `${input.day} ${outcome.created ? "added" : "corrected"}.`,
    );
  },
);
