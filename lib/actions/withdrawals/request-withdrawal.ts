"use server";

// A customer asks to withdraw BTC to their payout address; the amount is held at once.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { formatBtc } from "@/lib/money/format";
import { withdrawalInput } from "@/lib/validation/withdrawals";
import { requestWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { routes } from "@/lib/routes";

export const requestWithdrawalAction = defineAction(
  { access: "signed-in", input: withdrawalInput },
  async ({ amount, code }, ctx) => {
    await requestWithdrawal(ctx.user, { amountSats: amount, code }, ctx.request);
    revalidatePath(routes.dashboard.withdrawals);
    return done(`Withdrawal of ${formatBtc(amount)} requested. It is held from your balance until an admin sends it.`);
  },
);
