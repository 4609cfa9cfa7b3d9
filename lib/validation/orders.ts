// Input of the checkout and order forms.
import { z } from "zod";

const thField = z
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

export type PlaceOrderInput = z.output<typeof placeOrderInput>;

export const orderIdInput = z.object({ orderId: z.uuid("Unknown order.") });
