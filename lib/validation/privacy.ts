// Privacy requests: what a customer files, the identity re-proof, and the privacy officer's steps.
import { z } from "zod";
import { ConsentPurpose, PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { RECTIFIABLE_FIELDS, type RectifiableField } from "@/lib/privacy/requests/rectifiable-fields";
import { MAX_EXTENSION_MONTHS } from "@/lib/privacy/requests/rules";

export const DESCRIPTION_MAX = 5000;
const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

const text = (what: string, max: number) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters.`)
    .refine((value) => !NO_CONTROL.test(value), "Remove control characters.");

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const requestTypes = Object.values(PrivacyRequestType) as [PrivacyRequestType, ...PrivacyRequestType[]];
const purposes = Object.values(ConsentPurpose) as [ConsentPurpose, ...ConsentPurpose[]];
const fields = Object.keys(RECTIFIABLE_FIELDS) as [RectifiableField, ...RectifiableField[]];

// One flat form for every type; the fields a type needs are checked below, each error on its field.
export const fileRequestInput = z
  .object({
    type: z.enum(requestTypes, { error: "Choose what you are asking for." }),
    details: text("what you are asking for", DESCRIPTION_MAX),
    recipientEmail: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "Use at most 254 characters.")
        .pipe(z.email("Enter the recipient's email address, or leave it empty.")),
    ),
    objectionPurpose: optional(z.enum(purposes, { error: "Choose the purpose you object to." })),
    field: optional(z.enum(fields, { error: "Choose the detail to correct." })),
    correctedValue: optional(text("the correct value", 200)),
  })
  .superRefine((input, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (input.type === "objection" && !input.objectionPurpose)
      need("objectionPurpose", "Choose the purpose you object to.");
    if (input.type === "rectification") {
      if (!input.field) need("field", "Choose the detail to correct.");
      if (!input.correctedValue) need("correctedValue", "Write the correct value.");
      if (input.field === "dateOfBirth" && input.correctedValue && !/^\d{4}-\d{2}-\d{2}$/.test(input.correctedValue)) {
        need("correctedValue", "Write the date as YYYY-MM-DD.");
      }
    }
  });
export type FileRequestInput = z.output<typeof fileRequestInput>;

const requestId = z.uuid("Unknown request.");

export const verifyIdentityInput = z.object({
  requestId,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "That is too long."),
  // Checked by the domain only when two-factor authentication is on.
  code: optional(
    z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
  ),
});

export const requestIdInput = z.object({ requestId });

export const assignRequestInput = z.object({
  requestId,
  assigneeId: z.uuid("Choose a privacy officer."),
});

export const noteInput = z.object({ requestId, body: text("a note", 2000) });

export const extendRequestInput = z.object({
  requestId,
  months: z.coerce
    .number({ error: "Choose how long." })
    .int("Choose how long.")
    .min(1, "Choose how long.")
    .max(MAX_EXTENSION_MONTHS, `At most ${MAX_EXTENSION_MONTHS} months.`),
  reason: text("the reason for the extension", 2000),
});

export const completeRequestInput = z.object({ requestId, response: text("your answer to the customer", 5000) });

export const refuseRequestInput = z.object({
  requestId,
  reason: text("the reasons for refusing", 5000),
  complaintInfo: text("where the customer may complain", 2000),
});

const statuses = Object.values(PrivacyRequestStatus) as [PrivacyRequestStatus, ...PrivacyRequestStatus[]];
/** The queue's filters, from the address bar: anything unknown is ignored. */
export const queueFilterInput = z.object({
  type: z.enum(requestTypes).optional().catch(undefined),
  status: z
    .enum([...statuses, "open", "all"])
    .optional()
    .catch(undefined),
  due: z.enum(["overdue", "soon"]).optional().catch(undefined),
});
export type QueueFilter = z.output<typeof queueFilterInput>;
