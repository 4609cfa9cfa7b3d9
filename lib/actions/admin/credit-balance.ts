"use server";

// An admin credits a customer's USD balance for an offline bank transfer (amount + note, audited).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/client";
import { creditBalance } from "@/lib/ledger/credit-balance";
import { formatUsd } from "@/lib/money/format";
import { creditInput } from "@/lib/validation/orders";

export const creditBalanceAction = defineAction({ access: "users.manage", input: creditInput }, async (input, ctx) => {
  await creditBalance(ctx.user, input.userId, input.amount, input.note, ctx.request);
  revalidatePath(`/admin/users/${input.userId}`);
  return { ok: true as const, data: undefined, message: `Credited ${formatUsd(input.amount)}.` };
});
