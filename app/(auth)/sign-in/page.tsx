import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await currentUser()) redirect(callbackUrl);
  const notice =
    params.verified === "1"
      ? "Your email is confirmed. Sign in to continue."
      : params.reset === "1"
        ? "Your password was changed. Sign in with the new one."
        : null;
  return (
    <AuthCard
      title="Sign in"
      intro={
        notice ? (
          <p
            role="status"
            className="rounded-md bg-green-50 px-3 py-2 text-green-800 dark:bg-green-500/10 dark:text-green-300"
          >
            {notice}
          </p>
        ) : (
          "Welcome back."
        )
      }
      footer={
        <>
          New to Hashwork?{" "}
          <Link href={routes.signUp(callbackUrl)} className="text-accent-ink underline underline-offset-4">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
