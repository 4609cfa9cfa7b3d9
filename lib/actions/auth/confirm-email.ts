"use server";

// Confirms the email address behind a verification link (a button press, so mail scanners
// that open links cannot use the single-use token up).
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { redeemEmailToken } from "@/lib/auth/email-tokens";
import { db } from "@/lib/db";

export const confirmEmailAction = defineAction(
  { access: "public", input: z.object({ token: z.string().max(100) }) },
  async (input, ctx) => {
    const userId = await redeemEmailToken(input.token, "verify_email");
    if (!userId) throw new UserError("This link has expired or was already used. Sign in and ask for a new one.");
    await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await recordActivity(userId, "email_verified", ctx.request);
    redirect(ctx.user ? "/dashboard?verified=1" : "/sign-in?verified=1");
  },
);
