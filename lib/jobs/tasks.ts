// Jobs the app sends on demand (as opposed to the schedules), each with the shape of its payload.
// Payloads live in the queue's tables for days: they must never carry a secret such as a token.
import "server-only";
import { z } from "zod";
import { sendPasswordResetMail } from "@/lib/auth/password-reset";

export const TASKS = {
  // Issued here rather than in the request, so asking for a reset answers in the same time
  // whether or not the email has an account.
  "send-password-reset": {
    input: z.object({ email: z.string() }),
    run: ({ email }: { email: string }) => sendPasswordResetMail(email),
  },
} as const;

export type TaskName = keyof typeof TASKS;
