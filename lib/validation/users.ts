// The staff console's user-access form.
import { z } from "zod";
import { Role, UserStatus } from "@/lib/generated/prisma/enums";

export const userAccessInput = z.object({
  userId: z.uuid("Unknown user."),
  role: z.enum(Role, { error: "Choose a role." }),
  status: z.enum([UserStatus.active, UserStatus.restricted], { error: "Choose active or restricted." }),
});
