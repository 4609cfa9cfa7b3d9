// The words for order and contract states, one definition each. Customers and staff read orders
// differently: customers see what it means for them, staff the state's short name.
import type { ContractStatus, OrderStatus } from "@/lib/generated/prisma/enums";

export const ORDER_STATUS_FOR_CUSTOMER: Record<OrderStatus, string> = {
  pending_payment: "Reserved, unpaid",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Credited to your balance",
};

export const ORDER_STATUS_FOR_STAFF: Record<OrderStatus, string> = {
  pending_payment: "Reserved",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

export const CONTRACT_STATUS: Record<ContractStatus, string> = {
  scheduled: "Scheduled",
  active: "Mining",
  completed: "Completed",
};
