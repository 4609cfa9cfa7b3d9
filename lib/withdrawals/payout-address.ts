// A customer sets or changes their BTC payout address, confirmed with a fresh TOTP code. Every
// change starts a 24-hour hold on withdrawals, is emailed and shows on the activity log, so a
// stolen session cannot quietly redirect a payout (docs/product-rules.md §8).
import "server-only";
import { recordActivity, type RequestInfo } from "@/lib/activity/record";
import { confirmWithTotp } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format/date";
import { sendMail } from "@/lib/mail/send-mail";
import { payoutAddressSetMail } from "@/lib/mail/templates";
import { checkBitcoinAddress } from "./bitcoin-address";
import { ADDRESS_HOLD_HOURS } from "./rules";

export async function setPayoutAddress(
  user: { id: string; email: string; totpEnabledAt: Date | null },
  input: { address: string; code: string },
  request: RequestInfo,
  now: Date = new Date(),
): Promise<{ address: string; withdrawalsFrom: Date }> {
  const network = env().BITCOIN_NETWORK;
  const checked = checkBitcoinAddress(input.address, network);
  if (!checked.ok) throw new UserError(checked.reason, { address: [checked.reason] });
  await confirmWithTotp(user, input.code, request, "payout address");
  const withdrawalsFrom = new Date(now.getTime() + ADDRESS_HOLD_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    // Even setting the same address again restarts the hold: the code proves presence, not intent.
    await tx.payoutAddress.upsert({
      where: { userId: user.id },
      create: { userId: user.id, address: checked.address, network, withdrawalsFrom },
      update: { address: checked.address, network, withdrawalsFrom },
    });
    await recordActivity(user.id, "payout_address_set", request, { address: checked.address, network }, tx);
  });
  await sendMail(payoutAddressSetMail(user.email, checked.address, formatUtcDateTime(withdrawalsFrom)));
  return { address: checked.address, withdrawalsFrom };
}
