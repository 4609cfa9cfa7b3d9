"use server";

// Creates a customer account and emails a link to confirm the address. The answer is the same
// whether or not the email already has an account, so nobody can probe for customers.
import { redirect } from "next/navigation";
import { recordActivity } from "@/lib/activity/record";
import { defineAction } from "@/lib/actions/client";
import { UserError } from "@/lib/actions/errors";
import { appLink, sendVerificationEmail } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { consumeLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { signUpInput } from "@/lib/validation/auth";

export const signUpAction = defineAction({ access: "public", input: signUpInput }, async (input, ctx) => {
  const problem = await passwordProblem(input.password, [input.email, ...input.email.split(/[@.]/)]);
  if (problem) throw new UserError(problem, { password: [problem] });
  await consumeLimit("signUpPerIp", ctx.request.ip ?? "unknown");

  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await sendMail({
      to: input.email,
      subject: "You already have a Hashwork account",
      text: `Someone tried to create a Hashwork account with this email address, which already has one.\n\nSign in: ${appLink("/sign-in")}\nForgot your password? ${appLink("/reset-password")}\n\nIf this was not you, you can ignore this email.\n`,
    });
  } else {
    const marketing = input.marketingOptIn === "on";
    const user = await db.user.create({
      data: {
        email: input.email,
        passwordHash: await hashPassword(input.password),
        marketingOptIn: marketing,
        consents: { create: { purpose: "marketing", granted: marketing, source: "sign_up" } },
      },
      select: { id: true, email: true },
    });
    await recordActivity(user.id, "sign_up", ctx.request);
    await sendVerificationEmail(user);
  }
  redirect("/sign-up/check-email");
});
