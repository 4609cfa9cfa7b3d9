"use server";

// Finishes signing in with a code from the authenticator app, or a single-use recovery code.
import { defineAction } from "@/lib/actions/define-action";
import { UserError } from "@/lib/errors";
import { completeSignIn, pendingSecondFactorUser } from "@/lib/auth/sign-in-flow";
import { verifySignInSecondFactor } from "@/lib/auth/two-factor";
import { safeCallbackUrl, secondFactorInput } from "@/lib/validation/auth";

export const verifySecondFactorAction = defineAction(
  { access: "public", input: secondFactorInput },
  async (input, ctx) => {
    const userId = await pendingSecondFactorUser();
    if (!userId) throw new UserError("Your sign-in timed out. Enter your email and password again.");
    const method = await verifySignInSecondFactor(userId, input.code, ctx.request);
    return completeSignIn(userId, ctx.request, safeCallbackUrl(input.callbackUrl), { method });
  },
);
