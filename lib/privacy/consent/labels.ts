// How consent purposes and sources read on the settings page and in the privacy centre.
import type { ConsentPurpose, ConsentSource } from "@/lib/generated/prisma/enums";

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  marketing: "Marketing email",
  analytics: "Analytics cookies",
  advertising: "Advertising cookies",
};

export const SOURCE_LABELS: Record<ConsentSource, string> = {
  sign_up: "Sign-up form",
  preferences: "Communication preferences",
  cookie_banner: "Cookie settings",
  objection: "Objection request",
  restriction: "Restriction request",
};

/** Why essential processing goes on whatever the customer restricts or objects to. */
export const ESSENTIAL_PROCESSING = [
  "Running your contracts and crediting their daily output, which you paid for.",
  "Your wallet, ledger, payments and withdrawals, and the receipts and security emails that go with them.",
  "Keeping your account secure: sign-in, two-factor authentication and the activity log.",
  "Keeping the records the law requires (transactions and identity checks), for as long as it requires.",
] as const;
