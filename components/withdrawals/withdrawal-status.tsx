import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";

const LABELS: Record<WithdrawalStatus, string> = {
  requested: "Waiting for approval",
  paid: "Paid",
  rejected: "Rejected",
};

// A withdrawal's status in words (colour is never the only signal).
export function WithdrawalStatusLabel({
  status,
  awaitingSecondAdmin,
}: {
  status: WithdrawalStatus;
  awaitingSecondAdmin?: boolean;
}) {
  const tone =
    status === "paid"
      ? "text-green-700 dark:text-green-400"
      : status === "rejected"
        ? "text-red-700 dark:text-red-400"
        : "text-amber-700 dark:text-amber-400";
  return (
    <span className={`font-medium ${tone}`}>
      {awaitingSecondAdmin ? "Approved, waiting for a second admin" : LABELS[status]}
    </span>
  );
}
