// How long personal data is kept, in one place (docs/product-rules.md §10). The retention job,
// erasure and the export read these rules; nothing else decides a period.
import { KYC_FREE_PURCHASE_LIMIT_CENTS } from "@/lib/kyc/gates";
import { DAY_MS } from "@/lib/time/utc-days";

/** A built export can be downloaded for 7 days, then the file and its row are deleted. */
export const EXPORT_TTL_DAYS = 7;

/**
 * A closed account is erased this many days after closure, so with a daily retention job the
 * promise "within 30 days" holds even when one run is missed by a few hours.
 */
export const ERASE_AFTER_CLOSURE_DAYS = 29;

/** Transaction records of a pseudonymised customer are kept 5 years after closure. */
export const TRANSACTION_RECORDS_YEARS = 5;

export function exportExpiry(now: Date): Date {
  return new Date(now.getTime() + EXPORT_TTL_DAYS * DAY_MS);
}

/** Accounts closed at or before this moment are due for erasure. */
export function closedBeforeForErasure(now: Date): Date {
  return new Date(now.getTime() - ERASE_AFTER_CLOSURE_DAYS * DAY_MS);
}

/** When the retained records of an account closed at `closedAt` are anonymised for good. */
export function retainedUntil(closedAt: Date): Date {
  const until = new Date(closedAt);
  until.setUTCFullYear(until.getUTCFullYear() + TRANSACTION_RECORDS_YEARS);
  return until;
}

/** What erasure knows about a customer when it decides what to keep. */
export type RetentionFacts = {
  /** Money moved for them: a ledger entry on one of their accounts, a paid order, a withdrawal. */
  hasTransactions: boolean;
  /** Their identity check was approved (identity data was relied on). */
  kycApproved: boolean;
  /** They withdrew BTC to an outside address (a withdrawal was requested, paid or not). */
  hasWithdrawals: boolean;
  /** Their purchases that were paid, in cents. */
  paidPurchasesCents: bigint;
};

/**
 * The AML hold: identity records (the KYC case's encrypted details and documents) are kept, still
 * encrypted, for the same 5 years as the transaction records when the platform relied on the
 * customer's verified identity for a transaction — anti-money-laundering law makes us keep
 * the evidence of that check as long as the transactions themselves. That is the case when the
 * check was approved and the customer either withdrew BTC or paid for purchases above the
 * identity threshold. In every other case KYC data and files are deleted at erasure.
 */
export function amlHoldApplies(facts: RetentionFacts): boolean {
  return (
    facts.hasTransactions &&
    facts.kycApproved &&
    (facts.hasWithdrawals || facts.paidPurchasesCents > KYC_FREE_PURCHASE_LIMIT_CENTS)
  );
}
