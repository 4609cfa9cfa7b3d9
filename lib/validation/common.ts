// Shared schema pieces.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** For actions that take no fields (a single button). */
export const noInput = z.object({});

/** zod's complaints as messages per field (the first path segment), for forms and the API. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
