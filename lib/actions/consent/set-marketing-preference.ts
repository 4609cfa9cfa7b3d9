"use server";

// Switches marketing email on or off from the settings page; each change joins the consent history.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { setMarketingPreference } from "@/lib/privacy/consent/choices";
import { marketingPreferenceInput } from "@/lib/validation/consent";
import { routes } from "@/lib/routes";

export const setMarketingPreferenceAction = defineAction(
  { access: "signed-in", input: marketingPreferenceInput },
  async (input, ctx) => {
    const granted = input.marketing === "on";
    const changed = await setMarketingPreference(ctx.user.id, granted, ctx.request);
    revalidatePath(routes.dashboard.settings);
    if (!changed) return done("Nothing changed: that was already your choice.");
    return done(granted ? "Saved: we will email you about new plans." : "Saved: no more marketing email.");
  },
);
