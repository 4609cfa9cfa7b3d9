// Balance forms: an admin's credit for a bank transfer, its second-admin decision, a card top-up.
import { z } from "zod";

export const creditInput = z.object({
  userId: z.uuid("Unknown user."),
  amount: z
    .string({ error: "Enter an amount." })
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Enter dollars and cents, like 500 or 500.25 (at most 9,999,999.99).")
    .transform((value) => {
      const [dollars, cents = ""] = value.split(".");
      return BigInt(dollars!) * 100n + BigInt(cents.padEnd(2, "0"));
    })
    .refine((cents) => cents > 0n, "Enter a positive amount."),
  note: z
    .string({ error: "Say where the money came from." })
    .trim()
    .min(3, "Say where the money came from.")
    .max(300, "Use at most 300 characters."),
});

export const decideCreditInput = z.discriminatedUnion("decision", [
  z.object({ creditId: z.uuid("Unknown credit."), decision: z.literal("approve") }),
  z.object({
    creditId: z.uuid("Unknown credit."),
    decision: z.literal("reject"),
    reason: z.string({ error: "Say why." }).trim().min(3, "Say why.").max(300, "Use at most 300 characters."),
  }),
]);

export const topUpInput = z.object({
  dollars: z
    .string({ error: "Enter an amount." })
    .trim()
    .regex(/^\d{1,5}$/, "Enter whole dollars, from 10 to 50,000.")
    .transform(Number)
    .refine((value) => value >= 10 && value <= 50_000, "Enter whole dollars, from 10 to 50,000."),
});
