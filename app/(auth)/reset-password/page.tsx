import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { RequestResetForm, SetNewPasswordForm } from "@/components/auth/reset-forms";
import { isEmailTokenUsable } from "@/lib/auth/email-tokens";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Reset your password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  if (typeof token === "string") {
    if (!(await isEmailTokenUsable(token, "reset_password"))) {
      return (
        <AuthCard title="This link has expired" intro="Reset links work once, for one hour.">
          <Link href={routes.resetPassword()} className="text-accent-ink underline underline-offset-4">
            Ask for a new link
          </Link>
        </AuthCard>
      );
    }
    return (
      <AuthCard title="Choose a new password" intro="Every other session of your account will be signed out.">
        <SetNewPasswordForm token={token} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reset your password" intro="We will email you a link to choose a new password.">
      <RequestResetForm />
    </AuthCard>
  );
}
