"use server";

// Creates a customer account and emails a link to confirm the address. The answer is the same
// whether or not the email already has an account, so nobody can probe for customers.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { signUp } from "@/lib/auth/accounts";
import { signUpInput } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const signUpAction = defineAction({ access: "public", input: signUpInput }, async (input, ctx) => {
  await signUp(input, ctx.request);
  redirect(routes.checkEmail);
});
