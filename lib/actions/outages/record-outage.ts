"use server";

// An admin records a farm outage; affected contracts are extended and their owners emailed.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { recordOutage } from "@/lib/outages/record-outage";
import { outageInput } from "@/lib/validation/outages";
import { routes } from "@/lib/routes";

export const recordOutageAction = defineAction({ access: "outages.manage", input: outageInput }, async (input, ctx) => {
  const outcome = await recordOutage(ctx.user, input, ctx.request);
  revalidatePath(routes.admin.outages);
  return done(`Outage recorded: ${outcome.contracts} contract(s) extended.`);
});
