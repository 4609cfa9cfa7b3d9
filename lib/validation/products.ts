// The product form of the staff console.
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/catalogue/slug";

const whole = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d+$/, `Enter ${label} as a whole number.`)
    .transform(Number)
    .refine(
      (value) => value >= min && value <= max,
      `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`,
    );

const decimal = (label: string, places: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(new RegExp(`^\\d+(\\.\\d{1,${places}})?$`), `Enter ${label} with at most ${places} decimals.`)
    .refine((value) => Number(value) <= max, `${label[0]!.toUpperCase()}${label.slice(1)} is too large.`);

export const productInput = z
  .object({
    slug: z
      .string({ error: "Enter a slug." })
      .trim()
      .max(100)
      .regex(SLUG_PATTERN, "Use lower-case letters, digits and single dashes."),
    title: z.string({ error: "Enter a title." }).trim().min(3, "Enter a title.").max(120),
    machineModel: z.string({ error: "Enter the machine model." }).trim().min(2).max(80),
    machineHashrateThs: whole("the machine hashrate", 1, 100_000),
    efficiencyJPerTh: decimal("the efficiency", 2, 1_000),
    electricityUsdPerKwh: decimal("the electricity price", 4, 10),
    durationDays: whole("the duration", 1, 3_650),
    hashrateFeePerTh: decimal("the hashrate fee", 6, 100_000),
    serviceFeePerThDay: decimal("the service fee", 6, 1_000),
    poolFeePercent: decimal("the pool fee", 2, 100),
    inventoryTh: whole("the inventory", 1, 1_000_000_000),
    minOrderTh: whole("the minimum order", 1, 1_000_000_000),
    maxOrderTh: whole("the maximum order", 1, 1_000_000_000),
    startDelayDays: whole("the start delay", 0, 30),
    sortOrder: whole("the position", 0, 100_000),
  })
  .refine((product) => product.maxOrderTh >= product.minOrderTh, {
    path: ["maxOrderTh"],
    message: "The maximum order must be at least the minimum.",
  });
export type ProductInput = z.output<typeof productInput>;

export const saveProductInput = productInput.and(z.object({ id: z.uuid().optional() }));

export const productStatusInput = z.object({
  id: z.uuid("Unknown product."),
  status: z.enum(["on_sale", "sold_out", "archived"], { error: "Choose a status." }),
});

export const announcePlanInput = z.object({ id: z.uuid("Unknown product.") });
