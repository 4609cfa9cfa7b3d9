"use server";

// The customer confirms who they are (password, and a code when 2FA is on) so a request can go ahead.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/config";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/sign-in-flow";
import { done } from "@/lib/errors";
import { verifyIdentity } from "@/lib/privacy/requests/verify-identity";
import { verifyIdentityInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

const MESSAGES = {
  export: "Confirmed. We are preparing your export and will email you when it is ready to download.",
  closed: "Confirmed. Your account is closed.",
  waits: "Confirmed. The privacy officer will now carry out your request.",
} as const;

export const verifyPrivacyIdentityAction = defineAction(
  { access: "signed-in", input: verifyIdentityInput },
  async ({ requestId, password, code }, ctx) => {
    const effect = await verifyIdentity(ctx.user, requestId, { password, code }, ctx.request);
    if (effect === "closed") {
      // Sign-in already stopped with the closure; this browser's cookie goes too.
      (await cookies()).delete(SIGNED_IN_HINT_COOKIE);
      await signOut({ redirectTo: routes.home });
    }
    revalidatePath(routes.dashboard.privacy);
    return done(MESSAGES[effect]);
  },
);
