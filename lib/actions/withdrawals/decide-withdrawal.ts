"use server";

// An admin approves (large ones), pays out (with the txid) or rejects (with a reason) a withdrawal.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { decideWithdrawalInput } from "@/lib/validation/withdrawals";
import { decideWithdrawal } from "@/lib/withdrawals/decide-withdrawal";
import { routes } from "@/lib/routes";

const MESSAGES = {
  approved: "Approved. A second admin pays it out.",
  paid: "Marked as paid; the customer is emailed the transaction id.",
  rejected: "Rejected; the amount is back in the customer's balance.",
} as const;

export const decideWithdrawalAction = defineAction(
  { access: "withdrawals.manage", input: decideWithdrawalInput },
  async (choice, ctx) => {
    const outcome = await decideWithdrawal(
      ctx.user,
      choice.withdrawalId,
      choice.decision === "pay"
        ? { kind: "pay", txid: choice.txid }
        : choice.decision === "reject"
          ? { kind: "reject", reason: choice.reason }
          : { kind: "approve" },
      ctx.request,
    );
    revalidatePath(routes.admin.withdrawals);
    revalidatePath(routes.admin.home);
    return done(MESSAGES[outcome]);
  },
);
