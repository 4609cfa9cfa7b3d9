import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <AuthCard
      title="Check your email"
      intro="We sent you a link to confirm your address. It works once and expires in 24 hours."
    >
      <p className="text-sm leading-6 text-muted">
        Then{" "}
        <Link href={routes.signIn()} className="text-accent-ink underline underline-offset-4">
          sign in
        </Link>
        . No email after a few minutes? Look in your spam folder, or sign in and ask for a new link from your dashboard.
      </p>
    </AuthCard>
  );
}
