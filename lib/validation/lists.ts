// The filters of the staff console's lists, read from search params. A list's address is typed
// by hand and shared, so nothing here throws: a value that does not parse is simply no filter.
import { z } from "zod";
import { ContractStatus, OrderStatus, SupportTicketStatus, UserStatus } from "@/lib/generated/prisma/enums";

type Params = Record<string, string | string[] | undefined>;

/** Only single string values, trimmed; repeated or empty params are dropped. */
function singles(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params))
    if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
  return out;
}

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = (max: number) => optional(z.string().max(max));
const cursor = text(512);

export const orderListFilter = z.object({
  status: optional(z.enum(OrderStatus)),
  from: optional(z.iso.date()),
  customer: text(254),
  product: optional(z.uuid()),
  contract: optional(z.enum(ContractStatus)),
  cursor,
});

export const userListFilter = z.object({
  q: text(100),
  status: optional(z.enum(UserStatus)),
  cursor,
});

export const auditListFilter = z.object({
  action: text(100),
  actor: text(254),
  target: text(100),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  cursor,
});

export const KYC_QUEUE_FILTERS = ["pending", "flagged", "resubmission_requested", "approved", "rejected"] as const;
export const kycListFilter = z.object({
  status: z.enum(KYC_QUEUE_FILTERS).catch("pending").default("pending"),
  cursor,
});
export type KycQueueFilter = (typeof KYC_QUEUE_FILTERS)[number];

export const supportListFilter = z.object({
  status: optional(z.enum(SupportTicketStatus)),
  mine: optional(z.literal("1")),
  cursor,
});

export const jobListFilter = z.object({ state: z.enum(["failed"]).catch("failed").default("failed"), cursor });

export const cursorOnly = z.object({ cursor });

/** The wallet pages its USD and BTC histories separately. */
export const walletListFilter = z.object({ usd: cursor, btc: cursor });

/** Parses a list's search params with its filter schema; never throws. */
export function readFilter<S extends z.ZodType>(schema: S, params: Params): z.output<S> {
  return schema.parse(singles(params));
}
