"use server";

// Signs a customer in with email and password; asks for a second factor when 2FA is on.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { checkPassword } from "@/lib/auth/password-check";
import { completeSignIn, startSecondFactorChallenge } from "@/lib/auth/sign-in-flow";
import { safeCallbackUrl, signInInput } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const signInAction = defineAction({ access: "public", input: signInInput }, async (input, ctx) => {
  const callbackUrl = safeCallbackUrl(input.callbackUrl);
  const account = await checkPassword(input.email, input.password, ctx.request);
  if (account.needsSecondFactor) {
    await startSecondFactorChallenge(account.id);
    redirect(routes.twoFactor(callbackUrl));
  }
  return completeSignIn(account.id, ctx.request, callbackUrl);
});
