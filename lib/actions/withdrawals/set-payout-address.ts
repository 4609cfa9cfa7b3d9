"use server";

// A customer sets or changes the BTC address their withdrawals go to (fresh 2FA code; starts a
// 24-hour hold on withdrawals).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/date";
import { payoutAddressInput } from "@/lib/validation/withdrawals";
import { setPayoutAddress } from "@/lib/withdrawals/payout-address";
import { routes } from "@/lib/routes";

export const setPayoutAddressAction = defineAction(
  { access: "signed-in", input: payoutAddressInput },
  async (input, ctx) => {
    const { withdrawalsFrom } = await setPayoutAddress(ctx.user, input, ctx.request);
    revalidatePath(routes.dashboard.withdrawals);
    return done(`Payout address saved. Withdrawals open at ${formatDateTime(withdrawalsFrom, ctx.user.timeZone)}.`);
  },
);
