// The words for privacy requests: their types and statuses, for customers and for staff.
import type { ConsentPurpose, PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";

export const REQUEST_TYPE_LABELS: Record<PrivacyRequestType, string> = {
  access: "Access: know what we hold and get a copy",
  portability: "Portability: a machine-readable export",
  rectification: "Rectification: correct my data",
  erasure: "Erasure: delete my data",
  restriction: "Restriction: limit how my data is used",
  objection: "Objection to a purpose",
  automated_decision_review: "Human review of an automated decision",
  account_closure: "Close my account",
};

/** Short names for tables and filters. */
export const REQUEST_TYPE_SHORT: Record<PrivacyRequestType, string> = {
  access: "Access",
  portability: "Portability",
  rectification: "Rectification",
  erasure: "Erasure",
  restriction: "Restriction",
  objection: "Objection",
  automated_decision_review: "Automated-decision review",
  account_closure: "Account closure",
};

export const REQUEST_STATUS_LABELS: Record<PrivacyRequestStatus, string> = {
  received: "Received",
  in_progress: "In progress",
  extended: "Extended",
  completed: "Completed",
  refused: "Refused",
};

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  marketing: "Marketing email",
  analytics: "Analytics",
  advertising: "Advertising",
};

export const EVENT_LABELS: Record<string, string> = {
  filed: "Filed",
  verified: "Identity confirmed",
  assigned: "Assigned",
  note: "Internal note",
  extended: "Deadline extended",
  completed: "Completed",
  refused: "Refused",
  rectified: "Correction applied",
  export_sent: "Export sent to the recipient",
  account_closed: "Account closed",
  erased: "Data erased",
  pseudonymised: "Data erased; transaction records pseudonymised",
  export_requested: "Export being prepared",
  export_ready: "Export ready to download",
};
