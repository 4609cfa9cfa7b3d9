// The words for a KYC case's state, one definition each for the customer and for reviewers.
import type { KycStatus } from "@/lib/generated/prisma/enums";

export const KYC_STATUS_FOR_CUSTOMER: Record<KycStatus, string> = {
  not_started: "Not verified yet",
  pending: "Being reviewed",
  approved: "Verified",
  resubmission_requested: "Some items need sending again",
  rejected: "Not approved",
};

export const KYC_STATUS_FOR_STAFF: Record<KycStatus, string> = {
  not_started: "not started",
  pending: "pending",
  approved: "approved",
  resubmission_requested: "resubmission requested",
  rejected: "rejected",
};
