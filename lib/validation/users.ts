// The staff console's user-access form.
import { z } from "zod";
import { Role, UserStatus } from "@/lib/generated/prisma/enums";

export const userAccessInput = z
  .object({
    userId: z.uuid("Unknown user."),
    role: z.enum(Role, { error: "Choose a role." }),
    status: z.enum([UserStatus.active, UserStatus.restricted], { error: "Choose active or restricted." }),
    // Shown to the customer on their dashboard while the account is restricted.
    reason: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters.")
      .optional()
      .transform((value) => value || undefined),
  })
  .refine((input) => input.status !== "restricted" || (input.reason?.length ?? 0) >= 10, {
    path: ["reason"],
    message: "Say why, in at least 10 characters: the customer reads this on their dashboard.",
  });
export type UserAccessInput = z.infer<typeof userAccessInput>;
