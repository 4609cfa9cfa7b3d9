"use server";

// A second admin approves or rejects a large balance credit another admin asked for.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { done } from "@/lib/errors";
import { decideCredit } from "@/lib/ledger/credit-balance";
import { decideCreditInput } from "@/lib/validation/ledger";
import { routes } from "@/lib/routes";

export const decideCreditAction = defineAction(
  { access: "users.manage", input: decideCreditInput },
  async (choice, ctx) => {
    await decideCredit(
      ctx.user,
      choice.creditId,
      choice.decision === "approve" ? { approve: true } : { approve: false, reason: choice.reason },
      ctx.request,
    );
    revalidatePath("/admin/users/[id]", "page");
    revalidatePath(routes.admin.home);
    return done(choice.decision === "approve" ? "Approved and credited." : "Rejected.");
  },
);
