import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";

export const metadata: Metadata = { title: "Confirm your email" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email" intro="One click and your address is confirmed.">
      {typeof token === "string" ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <p className="text-sm text-muted">This link is incomplete. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
