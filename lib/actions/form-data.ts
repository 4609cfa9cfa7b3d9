// Turning a submitted form into input for a zod schema, and zod's complaints into field errors.
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** Form fields as a plain object; fields sent twice become arrays. Files are kept as File. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
