"use server";

// Signs the customer out of this browser, ending the session on the server (next-auth's signOut
// event in lib/auth/config.ts), so a copy of the cookie no longer works either.
import { cookies } from "next/headers";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/config";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/sign-in-flow";
import { noInput } from "@/lib/validation/common";

export const signOutAction = defineAction({ access: "public", input: noInput }, async (_input, ctx) => {
  if (ctx.user) await recordActivity(ctx.user.id, "sign_out", ctx.request);
  (await cookies()).delete(SIGNED_IN_HINT_COOKIE);
  await signOut({ redirectTo: "/" });
});
