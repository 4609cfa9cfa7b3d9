"use server";

// Changes the time zone the customer's pages show dates in, from the settings page.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { setTimeZone } from "@/lib/users/time-zone";
import { timeZoneInput } from "@/lib/validation/settings";
import { routes } from "@/lib/routes";

export const setTimeZoneAction = defineAction({ access: "signed-in", input: timeZoneInput }, async (input, ctx) => {
  const changed = await setTimeZone(ctx.user.id, input.timeZone);
  revalidatePath(routes.dashboard.home, "layout");
  if (!changed) return done(`Nothing changed: your dates were already shown in ${input.timeZone}.`);
  return done(`Saved: dates are now shown in ${input.timeZone}.`);
});
