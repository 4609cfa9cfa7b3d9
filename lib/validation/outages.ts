// The admin's outage form: when the farm (or some machine models) stopped, and why.
import { z } from "zod";
import { DAY_MS } from "@/lib/time/utc-days";

const instant = (label: string) =>
  z
    .string({ error: `Enter the ${label} (UTC).` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z?$/, `Enter the ${label} as a UTC date and time.`)
    .transform((value) => new Date(value.endsWith("Z") ? value : `${value}Z`))
    .refine((value) => !Number.isNaN(value.getTime()), `Enter a real ${label}.`);

const bothDates = (input: { startedAt: unknown; endedAt: unknown }) =>
  input.startedAt instanceof Date && input.endedAt instanceof Date;

export const outageInput = z
  .object({
    startedAt: instant("start"),
    endedAt: instant("end"),
    // One ticked box arrives as a string, several as an array.
    machineModels: z.preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z
        .array(z.string().trim().min(1, "Choose the machine models that stopped.").max(100), {
          error: "Choose the machine models that stopped.",
        })
        .min(1, "Choose the machine models that stopped.")
        .max(50, "Choose at most 50 machine models."),
    ),
    reason: z
      .string({ error: "Say what happened." })
      .trim()
      .min(3, "Say what happened.")
      .max(500, "Use at most 500 characters."),
  })
  // Zod runs these even when a field failed; they only judge two real dates.
  .refine((input) => !bothDates(input) || input.endedAt > input.startedAt, {
    path: ["endedAt"],
    message: "The end must be after the start.",
  })
  .refine((input) => !bothDates(input) || input.endedAt.getTime() - input.startedAt.getTime() <= 31 * DAY_MS, {
    path: ["endedAt"],
    message: "Record an outage of at most 31 days at a time.",
  });
export type OutageInput = z.infer<typeof outageInput>;
