import type { Metadata } from "next";
import { TermsDocument } from "@/components/privacy/terms-document";
import { CURRENT_TERMS } from "@/lib/privacy/terms";

export const metadata: Metadata = {
  title: "Terms of service",
  description:
    "The agreement between you and Hashwork: accounts, hashrate contracts, fees, output, withdrawals and risks.",
};

export default function TermsPage() {
  return <TermsDocument version={CURRENT_TERMS} current={CURRENT_TERMS} />;
}
