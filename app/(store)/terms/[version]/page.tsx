import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TermsDocument } from "@/components/privacy/terms-document";
import { CURRENT_TERMS, termsDate, termsVersion, TERMS_VERSIONS } from "@/lib/privacy/terms";

type Props = { params: Promise<{ version: string }> };

// Every published version has its own page, rendered at build time; anything else is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return TERMS_VERSIONS.map((version) => ({ version: version.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = termsVersion((await params).version);
  return { title: version ? `Terms of service of ${termsDate(version)}` : "Terms of service" };
}

export default async function TermsVersionPage({ params }: Props) {
  const version = termsVersion((await params).version);
  if (!version) notFound();
  return <TermsDocument version={version} current={CURRENT_TERMS} />;
}
