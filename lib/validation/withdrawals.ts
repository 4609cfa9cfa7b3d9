// Withdrawal forms: the payout address, a withdrawal request and an admin's decision.
import { z } from "zod";

const totpCode = z
  .string({ error: "Enter the code from your authenticator app." })
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.");

export const payoutAddressInput = z.object({
  // The checksum and network are checked by the domain (lib/withdrawals/bitcoin-address.ts).
  address: z
    .string({ error: "Enter a Bitcoin address." })
    .trim()
    .min(14, "Enter a whole Bitcoin address.")
    .max(90, "That is too long for a Bitcoin address."),
  code: totpCode,
});

export const withdrawalInput = z.object({
  amount: z
    .string({ error: "Enter an amount." })
    .trim()
    .regex(/^\d{1,8}(\.\d{1,8})?$/, "Enter BTC with at most 8 decimals, like 0.0015.")
    .transform((value) => {
      const [whole, fraction = ""] = value.split(".");
      return BigInt(whole!) * 100_000_000n + BigInt(fraction.padEnd(8, "0"));
    })
    .refine((sats) => sats > 0n, "Enter a positive amount."),
  code: totpCode,
});

const withdrawalId = z.uuid("Unknown withdrawal.");

export const decideWithdrawalInput = z.discriminatedUnion("decision", [
  z.object({ withdrawalId, decision: z.literal("approve") }),
  z.object({
    withdrawalId,
    decision: z.literal("pay"),
    txid: z
      .string({ error: "Enter the transaction id." })
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, "A transaction id is 64 hexadecimal characters."),
  }),
  z.object({
    withdrawalId,
    decision: z.literal("reject"),
    reason: z.string({ error: "Say why." }).trim().min(3, "Say why.").max(300, "Use at most 300 characters."),
  }),
]);
