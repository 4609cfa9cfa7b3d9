// Input of the checkout and order forms.
import { z } from "zod";

export const thField = z
  .string({ error: "Enter how many TH." })
  .trim()
  .regex(/^\d{1,9}$/, "Enter a whole number of TH.")
  .transform(Number);

export const placeOrderInput = z.object({
  slug: z.string().max(100),
  th: thField,
  paymentMethod: z.enum(["balance", "card"], { error: "Choose how to pay." }),
  idempotencyKey: z.uuid(),
  acceptTerms: z.literal("on", { error: "Accept the contract terms to place the order." }),
});

export const orderIdInput = z.object({ orderId: z.uuid("Unknown order.") });

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
  note: z.string({ error: "Say where the money came from." }).trim().min(3, "Say where the money came from.").max(300, "Use at most 300 characters."),
});
