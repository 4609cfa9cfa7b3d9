// What a customer's export holds: one section per table, each a JSON array in data.json and a
// CSV file, read from the database page by page. Every relation of a model to User is either
// answered by a section here (`covers`) or listed in EXPORT_EXCLUSIONS with the reason; a test
// reads Prisma's data model and fails when a relation is in neither (docs/product-rules.md §10).
// In each `scope`, $1 is the customer's id and `t` the table.

export type ExportSection = {
  /** Key in data.json and the CSV's name. */
  name: string;
  table: string;
  /** One line for the README. */
  description: string;
  /** The relations to User this section answers for, as "Model.field". */
  covers: string[];
  scope: string;
  /** Columns that order the rows and page through them; unique together, an index's order. */
  keys: string[];
  /** Columns never exported: secrets, their hashes, ciphertext, storage names. */
  omit?: string[];
};

const OWN = `t."userId" = $1`;
const OWN_CONTRACTS = `t."contractId" IN (SELECT id FROM "Contract" WHERE "userId" = $1)`;
const OWN_KYC_CASE = `t."caseId" IN (SELECT id FROM "KycCase" WHERE "userId" = $1)`;
const OWN_ACCOUNTS = `t."accountId" IN (SELECT id FROM "LedgerAccount" WHERE "userId" = $1)`;

/**
 * Audit rows about the customer: their own security events and staff actions on their account or
 * on one of their records. Staff work a customer did on other people's records is not theirs to
 * export (those rows are about someone else). Erasure redacts the same rows.
 */
export const AUDIT_ABOUT_CUSTOMER = `(
  (t."targetType" = 'user' AND t."targetId" = $1::text)
  OR (t."targetType" = 'order' AND t."targetId" IN (SELECT id::text FROM "Order" WHERE "userId" = $1))
  OR (t."targetType" = 'withdrawal' AND t."targetId" IN (SELECT id::text FROM "Withdrawal" WHERE "userId" = $1))
  OR (t."targetType" = 'kyc_case' AND t."targetId" IN (SELECT id::text FROM "KycCase" WHERE "userId" = $1))
  OR (t."targetType" = 'kyc_document' AND t."targetId" IN (
        SELECT d.id::text FROM "KycDocument" d JOIN "KycCase" c ON c.id = d."caseId" WHERE c."userId" = $1))
  OR (t."targetType" = 'privacy_request' AND t."targetId" IN (SELECT id::text FROM "PrivacyRequest" WHERE "userId" = $1))
  OR (t."actorId" = $1 AND t."targetId" IS NULL)
)`;

export const EXPORT_SECTIONS: ExportSection[] = [
  {
    name: "profile",
    table: "User",
    description:
      "Your account: email address, name, role, status, two-factor and marketing settings, time zone, key dates.",
    covers: [],
    scope: `t.id = $1`,
    keys: ["id"],
    omit: ["passwordHash", "totpSecretEnc", "totpKeyId", "totpLastStep", "sessionVersion"],
  },
  {
    name: "consents",
    table: "Consent",
    description: "Your consent history: each choice about marketing, analytics and advertising, when and from where.",
    covers: ["Consent.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "terms_acceptances",
    table: "TermsAcceptance",
    description: "Which versions of our terms of service you accepted, when and from where.",
    covers: ["TermsAcceptance.user"],
    scope: OWN,
    keys: ["acceptedAt", "id"],
  },
  {
    name: "activity",
    table: "ActivityEvent",
    description:
      "Your security and activity log: sign-ins, failed attempts, two-factor changes, orders, withdrawals, with address and browser.",
    covers: ["ActivityEvent.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "audit_log",
    table: "AuditLog",
    description:
      "Entries of our audit log about you: your security events and staff actions on your account and records.",
    covers: ["AuditLog.actor"],
    scope: AUDIT_ABOUT_CUSTOMER,
    keys: ["createdAt", "id"],
  },
  {
    name: "sessions",
    table: "UserSession",
    description: "Your sign-in sessions: when each started, when it ends or ended.",
    covers: ["UserSession.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "recovery_codes",
    table: "RecoveryCode",
    description:
      "Your two-factor recovery codes: when made and when used (the codes themselves are stored only hashed).",
    covers: ["RecoveryCode.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
    omit: ["codeHash"],
  },
  {
    name: "api_keys",
    table: "ApiKey",
    description:
      "Your personal API keys: name, prefix, what each may do, when made, expires or was revoked, and its last use with the address (the keys themselves are stored only hashed).",
    covers: ["ApiKey.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
    omit: ["secretHash"],
  },
  {
    name: "email_links",
    table: "EmailToken",
    description: "Email confirmation and password-reset links we sent: purpose, expiry and use (not the links).",
    covers: ["EmailToken.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
    omit: ["tokenHash"],
  },
  {
    name: "emails",
    table: "OutboxEmail",
    description: "The emails we sent you (single-use links are removed from our copy).",
    covers: [],
    scope: `t."to" = (SELECT email FROM "User" WHERE id = $1)`,
    keys: ["createdAt", "id"],
  },
  {
    name: "orders",
    table: "Order",
    description: "Your orders: plan, TH, prices and fees as placed, payment method and status.",
    covers: ["Order.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "contracts",
    table: "Contract",
    description: "Your hashrate contracts: TH, pool fee, start, end and status.",
    covers: ["Contract.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "contract_extensions",
    table: "ContractExtension",
    description: "Extensions of your contracts after farm outages, in hours.",
    covers: [],
    scope: OWN_CONTRACTS,
    keys: ["id"],
  },
  {
    name: "settlements",
    table: "Settlement",
    description: "Each settled day of each contract, with every figure the output was computed from.",
    covers: [],
    scope: OWN_CONTRACTS,
    keys: ["contractId", "day"],
  },
  {
    name: "settlement_corrections",
    table: "SettlementCorrection",
    description: "Re-settlements of days whose market data was corrected, and the difference credited or debited.",
    covers: [],
    scope: OWN_CONTRACTS,
    keys: ["createdAt", "id"],
  },
  {
    name: "ledger_accounts",
    table: "LedgerAccount",
    description: "Your balances' accounts in our double-entry ledger (USD in cents, BTC in satoshis).",
    covers: ["LedgerAccount.user"],
    scope: OWN,
    keys: ["id"],
  },
  {
    name: "ledger_transactions",
    table: "LedgerTransaction",
    description: "Every movement of money that touched your balances: top-ups, purchases, rewards, withdrawals.",
    covers: [],
    scope: `t.id IN (SELECT e."transactionId" FROM "LedgerEntry" e
      WHERE e."accountId" IN (SELECT id FROM "LedgerAccount" WHERE "userId" = $1))`,
    keys: ["createdAt", "id"],
  },
  {
    name: "ledger_entries",
    table: "LedgerEntry",
    description: "The entries on your accounts: positive amounts credit you, negative ones debit you.",
    covers: [],
    scope: OWN_ACCOUNTS,
    keys: ["accountId", "createdAt", "id"],
  },
  {
    name: "balance_credits",
    table: "BalanceCredit",
    description: "Credits of your USD balance by our staff (bank transfers), with their note and decision.",
    covers: ["BalanceCredit.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "payout_address",
    table: "PayoutAddress",
    description: "Your BTC payout address and its network.",
    covers: ["PayoutAddress.user"],
    scope: OWN,
    keys: ["id"],
  },
  {
    name: "withdrawals",
    table: "Withdrawal",
    description: "Your BTC withdrawals: address, amount, network fee, status and transaction id.",
    covers: ["Withdrawal.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "kyc_case",
    table: "KycCase",
    description:
      "Your identity check: status, decisions and messages (your details are in kyc_details, your files in kyc-documents/).",
    covers: ["KycCase.user"],
    scope: OWN,
    keys: ["id"],
    omit: ["dataEnc", "keyId", "idNumberHash"],
  },
  {
    name: "kyc_documents",
    table: "KycDocument",
    description: "The identity documents you sent: kind, type, size, and whether a newer one replaced it.",
    covers: [],
    scope: OWN_KYC_CASE,
    keys: ["createdAt", "id"],
    omit: ["storageKey", "keyId"],
  },
  {
    name: "kyc_events",
    table: "KycEvent",
    description: "The timeline of your identity check: submissions, automated flags, decisions.",
    covers: [],
    scope: OWN_KYC_CASE,
    keys: ["createdAt", "id"],
  },
  {
    name: "privacy_requests",
    table: "PrivacyRequest",
    description: "Your privacy requests: type, status, due date, extension and outcome.",
    covers: ["PrivacyRequest.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "privacy_request_events",
    table: "PrivacyRequestEvent",
    description: "The timeline of your privacy requests (our staff's internal notes are not included).",
    covers: [],
    scope: `t."requestId" IN (SELECT id FROM "PrivacyRequest" WHERE "userId" = $1) AND NOT t.internal`,
    keys: ["createdAt", "id"],
  },
  {
    name: "support_tickets",
    table: "SupportTicket",
    description: "The questions you sent us from the help page: subject, status and when.",
    covers: ["SupportTicket.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
  },
  {
    name: "support_messages",
    table: "SupportMessage",
    description: "The messages of your support questions: yours and our answers.",
    covers: [],
    scope: `t."ticketId" IN (SELECT id FROM "SupportTicket" WHERE "userId" = $1)`,
    keys: ["createdAt", "id"],
  },
  {
    name: "exports",
    table: "DataExport",
    description: "The exports of your data we built for you, with their expiry.",
    covers: ["DataExport.user"],
    scope: OWN,
    keys: ["createdAt", "id"],
    omit: ["storageKey", "keyId"],
  },
];

/**
 * Relations to User that no section answers for, and why. Most record a staff member's work on
 * someone else's case or on platform data: the row is about that other person (it is in their
 * export) or about the market, and the staff member is named in it only as who acted.
 */
export const EXPORT_EXCLUSIONS: Record<string, string> = {
  "MarketSnapshot.createdBy": "staff work: market data entered by a staff member, not data about them",
  "Outage.createdBy": "staff work: a farm outage recorded by a staff member",
  "LedgerTransaction.createdBy":
    "who started a movement of money; the customer's own transactions are in ledger_transactions whoever started them",
  "KycCase.decidedBy": "staff work: identity decisions a reviewer made on other customers' cases",
  "KycNote.author":
    "staff work: reviewers' internal notes, never shown to customers (§8); a customer's own case's notes are released by the privacy officer only",
  "KycEvent.actor":
    "the customer's own case's events are in kyc_events (by case); rows where they acted as a reviewer are about others",
  "PrivacyRequest.assignee": "staff work: privacy requests of other customers assigned to a privacy officer",
  "PrivacyRequestEvent.actor":
    "the customer's own requests' events are in privacy_request_events (by request); rows where they acted as an officer are about others",
  "Withdrawal.reviewedBy": "staff work: withdrawals of other customers decided by an admin",
  "SupportTicket.assignee": "staff work: other customers' support questions assigned to a staff member",
  "SupportMessage.author":
    "the customer's own tickets' messages are in support_messages (by ticket); rows where they answered as staff are about others",
  "Withdrawal.firstApprovedBy": "staff work: withdrawals of other customers approved by an admin",
  "BalanceCredit.requestedBy": "staff work: credits to other customers requested by an admin",
  "BalanceCredit.decidedBy": "staff work: credits to other customers decided by a second admin",
  "RetainedPersonalData.user":
    "exists only once an account is pseudonymised, when it can no longer sign in or ask for an export; released by the privacy officer only",
};
