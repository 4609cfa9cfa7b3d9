"use server";

// Accepts the terms of service in force, from the notice on the dashboard.
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { acceptTerms } from "@/lib/privacy/terms/acceptance";
import { acceptTermsInput } from "@/lib/validation/consent";

export const acceptTermsAction = defineAction({ access: "signed-in", input: acceptTermsInput }, async (input, ctx) => {
  await acceptTerms(ctx.user.id, input.version, "prompt", ctx.request);
  // No revalidation: the notice shows its thank-you now, and the next page has no notice.
  return done("Thank you: you accepted the new terms of service.");
});
