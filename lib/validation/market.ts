// The admin's market-data form: one UTC day's network figures, and a settle-range request.
import { z } from "zod";
import { DAY_MS } from "@/lib/time/utc-days";

const day = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD.`)
    .refine((value) => {
      const at = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
    }, `Enter a real ${label}.`);

const wholeNumber = (label: string, max: bigint) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d{1,19}$/, `Enter ${label} as a whole number.`)
    .transform((value) => BigInt(value))
    .refine((value) => value <= max, `${label[0]!.toUpperCase()}${label.slice(1)} is too large.`);

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

export const snapshotInput = z.object({
  day: day("day"),
  difficulty: z
    .string({ error: "Enter the difficulty." })
    .trim()
    .regex(/^\d{1,26}(\.\d{1,4})?$/, "Enter the difficulty as a number with at most four decimals.")
    .refine((value) => Number(value) > 0, "The difficulty must be positive."),
  btcPriceUsd: z
    .string({ error: "Enter the BTC price." })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter the BTC price in dollars and cents, like 95000 or 95000.50.")
    .transform((value) => {
      const [dollars, cents = ""] = value.split(".");
      return BigInt(dollars!) * 100n + BigInt(cents.padEnd(2, "0"));
    })
    .refine((cents) => cents > 0n, "The BTC price must be positive."),
  blockSubsidySats: wholeNumber("the block subsidy in sats", 5_000_000_000n),
  feesPerBlockSats: wholeNumber("the fees per block in sats", 2_100_000_000_000_000n),
  reason: z.string({ error: "Say why." }).trim().min(3, "Say why.").max(300, "Use at most 300 characters."),
  resettle: checkbox,
});
export type SnapshotInput = z.infer<typeof snapshotInput>;

export const settleRangeInput = z
  .object({ from: day("first day"), to: day("last day") })
  .refine((input) => input.from <= input.to, { path: ["to"], message: "The last day must not be before the first." })
  .refine(
    (input) =>
      new Date(`${input.to}T00:00:00Z`).getTime() - new Date(`${input.from}T00:00:00Z`).getTime() <= 366 * DAY_MS,
    { path: ["to"], message: "Settle at most a year at a time." },
  );
