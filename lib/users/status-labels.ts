// The words for account states in the staff console.
import type { UserStatus } from "@/lib/generated/prisma/enums";

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: "Active",
  restricted: "Restricted",
  closing: "Closing",
  closed: "Closed",
};
