"use server";

// An admin credits a customer's USD balance for an offline bank transfer (amount + note, audited);
// large credits wait for a second admin.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { creditBalance, CREDIT_FOUR_EYES_CENTS } from "@/lib/ledger/credit-balance";
import { formatUsd } from "@/lib/money/format";
import { creditInput } from "@/lib/validation/ledger";
import { routes } from "@/lib/routes";

export const creditBalanceAction = defineAction({ access: "users.manage", input: creditInput }, async (input, ctx) => {
  const outcome = await creditBalance(ctx.user, input.userId, input.amount, input.note, ctx.request);
  revalidatePath(routes.admin.user(input.userId));
  const message =
    outcome.status === "posted"
      ? `Credited ${formatUsd(input.amount)}.`
      : `${formatUsd(input.amount)} is above ${formatUsd(CREDIT_FOUR_EYES_CENTS)}, so it waits for a second admin to approve it.`;
  return done(message);
});
