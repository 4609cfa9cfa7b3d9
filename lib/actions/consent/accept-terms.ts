"use server";

// Accepts the terms of service in force, from the notice on the dashboard.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { acceptTerms } from "@/lib/privacy/terms/acceptance";
import { acceptTermsInput } from "@/lib/validation/consent";
import { routes } from "@/lib/routes";

export const acceptTermsAction = defineAction({ access: "signed-in", input: acceptTermsInput }, async (input, ctx) => {
  await acceptTerms(ctx.user.id, input.version, "prompt", ctx.request);
  revalidatePath(routes.dashboard.home, "layout");
  return done("Thank you: you accepted the new terms of service.");
});
