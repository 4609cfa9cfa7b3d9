// The KYC form's personal details, shared by the form and its action.
import { z } from "zod";

export const ID_TYPES = {
  passport: "Passport",
  national_id: "National ID card",
  driving_licence: "Driving licence",
} as const;
export type IdType = keyof typeof ID_TYPES;
/** ID types whose back carries information, so its photo is asked for too. */
export const TWO_SIDED: readonly IdType[] = ["national_id", "driving_licence"];

export const DOCUMENT_LABELS = { id_front: "ID front", id_back: "ID back", selfie: "Selfie" } as const;
export const RESUBMIT_ITEMS = {
  details: "Personal details",
  id_front: "ID front",
  id_back: "ID back",
  selfie: "Selfie",
} as const;
export type ResubmitItem = keyof typeof RESUBMIT_ITEMS;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(value), "Remove control characters.");

export const kycDetailsInput = z.object({
  legalName: text("full legal name", 200),
  dateOfBirth: z.iso.date({ error: "Enter your date of birth." }).refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return date.getUTCFullYear() >= 1900 && date <= new Date();
  }, "Enter a real date of birth."),
  nationality: z
    .string({ error: "Choose your nationality." })
    .trim()
    .regex(/^[A-Z]{2}$/, "Choose your nationality."),
  addressLine1: text("street address", 200),
  addressLine2: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  city: text("city", 100),
  postalCode: text("postal code", 20),
  country: z
    .string({ error: "Choose your country of residence." })
    .trim()
    .regex(/^[A-Z]{2}$/, "Choose your country of residence."),
  idType: z.enum(Object.keys(ID_TYPES) as [IdType, ...IdType[]], { error: "Choose the type of ID." }),
  idNumber: text("ID number", 40).refine(
    (value) => /^[A-Za-z0-9 -]+$/.test(value),
    "Use only letters, digits, spaces and dashes.",
  ),
});
export type KycDetails = z.output<typeof kycDetailsInput>;

// Browsers send an empty, nameless File for a file input left blank.
const optionalFile = z.preprocess(
  (value) => (value instanceof File && value.size === 0 && !value.name ? undefined : value),
  z.instanceof(File, { error: "Choose a file." }).optional(),
);
const kycFiles = z.object({ id_front: optionalFile, id_back: optionalFile, selfie: optionalFile });

/** The whole KYC form. It says whether it carries the personal details (a resubmission may ask for files only). */
export const kycSubmissionInput = z.discriminatedUnion("includeDetails", [
  kycDetailsInput.extend(kycFiles.shape).extend({ includeDetails: z.literal("1") }),
  kycFiles.extend({ includeDetails: z.literal("0") }),
]);

export const kycNoteInput = z.object({
  caseId: z.uuid("Unknown case."),
  body: z.string({ error: "Write a note." }).trim().min(1, "Write a note.").max(2000, "Use at most 2,000 characters."),
});

const caseId = z.uuid("Unknown case.");
const message = (what: string) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(3, `Write ${what}.`)
    .max(1000, "Use at most 1,000 characters.");
const item = z.enum(Object.keys(RESUBMIT_ITEMS) as [ResubmitItem, ...ResubmitItem[]]);

export const kycDecisionInput = z.discriminatedUnion("decision", [
  z.object({ caseId, decision: z.literal("approve") }),
  z.object({ caseId, decision: z.literal("reject"), message: message("the reason the customer will see") }),
  z.object({
    caseId,
    decision: z.literal("request_resubmission"),
    message: message("what the customer should do"),
    items: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(item).min(1, "Choose at least one item to send again."),
    ),
  }),
]);
