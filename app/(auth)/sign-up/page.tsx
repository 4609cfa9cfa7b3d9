import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard
      title="Create your account"
      intro="Browse freely; to buy hashrate you confirm your email first."
      footer={
        <>
          Already have an account?{" "}
          <Link href={routes.signIn()} className="text-accent-ink underline underline-offset-4">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm
        callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
        termsVersion={CURRENT_TERMS.id}
      />
    </AuthCard>
  );
}
