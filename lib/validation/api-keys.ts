// Personal API key forms: a new key (name, scopes, expiry, re-proof) and revoking one.
import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { API_KEY_EXPIRY_CHOICES, API_KEY_NAME_MAX } from "@/lib/api-keys/rules";

// Control and format characters (tabs, newlines, bidirectional overrides, zero-width marks) would
// make one name look like another in the list and in emails.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export const apiKeyName = z
  .string({ error: "Name the key." })
  .trim()
  .min(1, "Name the key, so you can tell it apart later.")
  .refine((name) => [...name].length <= API_KEY_NAME_MAX, `Use at most ${API_KEY_NAME_MAX} characters.`)
  .refine(
    (name) => !INVISIBLE.test(name),
    "Use letters, digits, spaces and punctuation only (no tabs or line breaks).",
  );

// One ticked box arrives as a string, several as an array, none as nothing at all.
export const apiKeyScopes = z.preprocess(
  (value) => (value === undefined ? [] : typeof value === "string" ? [value] : value),
  z
    .array(z.enum(API_SCOPES, { error: "Choose from the listed permissions." }), {
      error: "Choose what the key may do.",
    })
    .max(20, "Choose from the listed permissions.")
    .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope)))
    .refine((scopes) => scopes.length > 0, "Choose at least one thing the key may do."),
);

/** What the domain checks again whoever calls it: the name and the scopes. */
export const apiKeyFields = z.object({ name: apiKeyName, scopes: apiKeyScopes });

const optionalCode = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")
    .optional(),
);

export const createApiKeyInput = apiKeyFields.extend({
  expiresIn: z.enum(API_KEY_EXPIRY_CHOICES, { error: "Choose when the key expires." }),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "That is too long."),
  // Checked by the domain, and needed, only when two-factor authentication is on.
  code: optionalCode,
});

export const revokeApiKeyInput = z.object({ keyId: z.uuid("That key does not exist.") });
