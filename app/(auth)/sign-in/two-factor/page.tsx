import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SecondFactorForm } from "@/components/security/second-factor-form";
import { pendingSecondFactorUser } from "@/lib/auth/sign-in-flow";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Two-factor authentication" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TwoFactorPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (!(await pendingSecondFactorUser())) {
    return (
      <AuthCard
        title="Two-factor authentication"
        intro="Your sign-in timed out, or it was not started in this browser."
      >
        <Link href={routes.signIn()} className="text-accent-ink underline underline-offset-4">
          Sign in again
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Two-factor authentication" intro="Enter the code your authenticator app shows for Hashwork.">
      <SecondFactorForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
