// The customer API's shapes, in zod: each request part is parsed with these schemas and each
// answer is built to them, and the OpenAPI document (lib/api/openapi.ts) is generated from the
// same objects, so the reference can never drift from what the routes do. Amounts are integers
// in the smallest unit (USD cents, satoshis); fee rates with sub-cent precision are decimal
// strings in USD; instants are ISO 8601 in UTC and settlement days YYYY-MM-DD (UTC days).
import "zod-openapi";
import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";

// ── request parts ──

/** A query value that must be a whole number in a range, written without signs or spaces. */
const wholeNumber = (min: number, max: number, description: string) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "Write a whole number.")
    .transform(Number)
    .pipe(z.number().int().min(min, `At least ${min}.`).max(max, `At most ${max}.`))
    .meta({
      description,
      // Documented as what a client sends: an integer, not the text the address carries it as.
      override: ({ jsonSchema }) => {
        delete jsonSchema.pattern;
        Object.assign(jsonSchema, { type: "integer", minimum: min, maximum: max });
      },
    });

const cursor = z
  .string()
  .max(512, "Unknown cursor.")
  .meta({ description: "The `nextCursor` of the previous page; leave out for the first page." });

export const pageQuery = z.object({
  cursor: cursor.optional(),
  limit: wholeNumber(1, 200, "Rows per page (default 50).").optional(),
});

export const contractIdParams = z.object({
  id: z.uuid("Unknown contract.").meta({ description: "The contract's id." }),
});

const utcDay = (description: string) => z.iso.date("Write a date as YYYY-MM-DD.").meta({ description });

export const earningsQuery = pageQuery.extend({
  contract: z.uuid("Unknown contract.").optional().meta({ description: "Only this contract's days." }),
  from: utcDay("First UTC day to include (YYYY-MM-DD).").optional(),
  to: utcDay("Last UTC day to include (YYYY-MM-DD).").optional(),
  format: z
    .enum(["json", "csv"], { error: "Use json or csv." })
    .optional()
    .meta({ description: "`csv` for a spreadsheet (same as `Accept: text/csv`): every matching day, no pages." }),
});

export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string({ error: "Send an Idempotency-Key header." })
    .regex(/^[A-Za-z0-9._:-]{8,100}$/, "Use 8 to 100 letters, digits, dots, dashes, colons or underscores.")
    .meta({
      description:
        "Any unique value per intended order, e.g. a UUID. Sending the same key again returns the same order instead of placing another.",
      example: "3f1c2a7e-5b7d-4a44-9a43-6f0d2b9b1c11",
    }),
});

export const placeOrderBody = z
  .object({
    product: z
      .string({ error: "Name the plan by its slug." })
      .regex(/^[a-z0-9-]{1,100}$/, "Name the plan by its slug.")
      .meta({ description: "The plan's slug, from GET /products.", example: "antminer-s19-pro-20-days" }),
    th: z
      .number({ error: "Send the hashrate as a whole number of TH." })
      .int("Send the hashrate as a whole number of TH.")
      .positive("Send at least 1 TH.")
      .max(1_000_000_000, "Too many TH.")
      .meta({ description: "Hashrate in TH/s, within the plan's minOrderTh and maxOrderTh.", example: 100 }),
    acceptTerms: z.literal(true, { error: "Accept the contract terms (acceptTerms: true)." }).meta({
      description: "You accept the plan's contract terms, as the checkout page asks.",
    }),
  })
  .strict()
  .meta({ id: "PlaceOrderRequest" });

// ── answers ──

const instant = z.iso.datetime().meta({ description: "ISO 8601, UTC." });
const day = z.iso.date().meta({ description: "A UTC day, YYYY-MM-DD." });
const cents = (description: string) =>
  z
    .number()
    .int()
    .meta({ description: `${description}, in USD cents.` });
const sats = (description: string) =>
  z
    .number()
    .int()
    .meta({ description: `${description}, in satoshis.` });
const decimalUsd = (description: string) =>
  z
    .string()
    .regex(/^\d+\.\d{6}$/)
    .meta({ description: `${description}, in USD, as a decimal string (six places).`, example: "2.500000" });

const productRef = z.object({ slug: z.string(), title: z.string() }).meta({ id: "ProductRef" });

export const productSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    machineModel: z.string(),
    durationDays: z.number().int(),
    startDelayDays: z.number().int().meta({ description: "Days from payment to the contract's start." }),
    hashrateFeePerThUsd: decimalUsd("One-off hashrate fee per TH"),
    serviceFeePerThDayUsd: decimalUsd("Service fee per TH per day"),
    poolFeeBps: z.number().int().meta({ description: "Pool fee in basis points of the gross output." }),
    minOrderTh: z.number().int(),
    maxOrderTh: z.number().int(),
    inventoryTh: z.number().int(),
    soldTh: z.number().int(),
    availableTh: z.number().int(),
    status: z.enum(["on_sale", "sold_out", "archived"]),
  })
  .meta({ id: "Product" });

export const productListSchema = z.object({ data: z.array(productSchema) }).meta({ id: "ProductList" });

export const contractSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    product: productRef,
    th: z.number().int(),
    status: z.enum(["scheduled", "active", "completed"]),
    poolFeeBps: z.number().int(),
    startsAt: instant,
    endsAt: instant.meta({ description: "Planned end plus every outage extension; ISO 8601, UTC." }),
    createdAt: instant,
  })
  .meta({ id: "Contract" });

export const contractDetailSchema = contractSchema
  .extend({
    settledDays: z.number().int().meta({ description: "Days settled so far." }),
    lastSettledDay: day.nullable(),
    minedSats: sats("Everything credited for this contract so far, corrections included"),
  })
  .meta({ id: "ContractDetail" });

const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
    })
    .meta({ id });

export const contractPageSchema = pageOf(contractSchema, "ContractPage");

const correctionSchema = z
  .object({
    id: z.uuid(),
    createdAt: instant,
    reason: z.string(),
    difficulty: z.string(),
    btcPriceCents: cents("BTC price used"),
    blockSubsidySats: sats("Block subsidy used"),
    feesPerBlockSats: sats("Average fees per block used"),
    grossSats: sats("Recomputed output before the pool fee"),
    netSats: sats("Recomputed output after the pool fee"),
    deltaSats: sats("Credited (or, when negative, debited) by this correction"),
  })
  .meta({ id: "SettlementCorrection" });

export const earningSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    day,
    th: z.number().int(),
    secondsMined: z.number().int().meta({ description: "Seconds of the day the contract mined." }),
    difficulty: z.string().meta({ description: "Network difficulty, as a decimal string." }),
    btcPriceCents: cents("BTC price of the day"),
    blockSubsidySats: sats("Block subsidy"),
    feesPerBlockSats: sats("Average fees per block"),
    poolFeeBps: z.number().int(),
    grossSats: sats("Output before the pool fee"),
    poolFeeSats: sats("Pool fee"),
    netSats: sats("Output credited for the day"),
    usdCents: cents("The day's output at the day's price"),
    corrections: z.array(correctionSchema),
  })
  .meta({ id: "Earning" });

export const earningPageSchema = pageOf(earningSchema, "EarningPage");

export const orderSchema = z
  .object({
    id: z.uuid(),
    product: productRef,
    th: z.number().int(),
    durationDays: z.number().int(),
    hashrateFeeCents: cents("Hashrate fee"),
    serviceFeeCents: cents("Service fee for the whole term"),
    totalCents: cents("Total"),
    status: z.enum(["pending_payment", "paid", "cancelled", "expired", "refunded"]),
    paymentMethod: z.enum(["balance", "card"]),
    reservedUntil: instant.meta({ description: "An unpaid order's hashrate is held until then." }),
    paidAt: instant.nullable(),
    createdAt: instant,
    contractId: z.uuid().nullable(),
    notice: z.string().nullable().meta({ description: "Why the order is not paid, or what happened to it." }),
  })
  .meta({ id: "Order" });

export const orderPageSchema = pageOf(orderSchema, "OrderPage");

export const balancesSchema = z
  .object({
    usdCents: cents("Cash balance available to buy with"),
    btcSats: sats("Mined BTC available to withdraw"),
  })
  .meta({ id: "Balances" });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A link to this kind of problem on the API reference page." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "Messages per request field (query parameter, header or body property)." }),
  })
  .meta({ id: "Problem" });

export const scopeSchema = z.enum(API_SCOPES);
