// Jobs the app sends on demand (as opposed to the schedules), each with the shape of its payload.
// Payloads live in the queue's tables for days: they must never carry a secret such as a token.
import "server-only";
import { z } from "zod";
import { sendPasswordResetMail } from "@/lib/auth/password-reset";
import { buildExport } from "@/lib/privacy/export";

/** A task: its payload's schema and what it does; `handle` parses a queued payload and runs it. */
function task<Input extends z.ZodType>(input: Input, run: (input: z.infer<Input>) => Promise<unknown>) {
  return { input, run, handle: (data: unknown) => run(input.parse(data)) };
}

export const TASKS = {
  // Issued here rather than in the request, so asking for a reset answers in the same time
  // whether or not the email has an account.
  "send-password-reset": task(z.object({ email: z.string() }), ({ email }) => sendPasswordResetMail(email)),
  // Builds a privacy export (access or portability request) and emails the customer.
  "build-export": task(z.object({ requestId: z.uuid() }), ({ requestId }) => buildExport(requestId)),
} as const;

export type TaskName = keyof typeof TASKS;
