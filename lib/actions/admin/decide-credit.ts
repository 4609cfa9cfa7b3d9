"use server";

// A second admin approves or rejects a large balance credit another admin asked for.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/client";
import { decideCredit } from "@/lib/ledger/credit-balance";

const input = z.discriminatedUnion("decision", [
  z.object({ creditId: z.uuid("Unknown credit."), decision: z.literal("approve") }),
  z.object({
    creditId: z.uuid("Unknown credit."),
    decision: z.literal("reject"),
    reason: z.string({ error: "Say why." }).trim().min(3, "Say why.").max(300, "Use at most 300 characters."),
  }),
]);

export const decideCreditAction = defineAction({ access: "users.manage", input }, async (choice, ctx) => {
  await decideCredit(ctx.user, choice.creditId, choice.decision === "approve" ? { approve: true } : { approve: false, reason: choice.reason }, ctx.request);
  revalidatePath("/admin/users/[id]", "page");
  revalidatePath("/admin");
  return { ok: true as const, data: undefined, message: choice.decision === "approve" ? "Approved and credited." : "Rejected." };
});
