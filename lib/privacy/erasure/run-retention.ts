// The daily retention job (docs/product-rules.md §10): erases accounts closed 29 days ago or
// more, ends the 5-year retention of pseudonymised records that are due, and deletes expired
// exports. Each step is idempotent, so a repeated or overlapping run changes nothing more.
import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { deleteExpiredExports } from "@/lib/privacy/export";
import { closedBeforeForErasure } from "@/lib/privacy/retention-rules";
import { endRetention, eraseAccount } from "./erase-account";

export async function runRetention(
  now: Date = new Date(),
): Promise<{ deleted: number; pseudonymised: number; exportsDeleted: number; retentionEnded: number }> {
  let deleted = 0;
  let pseudonymised = 0;
  const due = await db.user.findMany({
    where: {
      status: { in: ["closing", "closed"] },
      pseudonymisedAt: null,
      closedAt: { lte: closedBeforeForErasure(now) },
    },
    select: { id: true },
    orderBy: { closedAt: "asc" },
    take: 500,
  });
  for (const { id } of due) {
    try {
      const outcome = await eraseAccount(id, { now });
      if (outcome === "deleted") deleted++;
      else pseudonymised++;
    } catch (error) {
      // One account that cannot be erased yet (a withdrawal waiting) must not stop the others.
      if (!(error instanceof UserError)) throw error;
      console.warn(`[retention] account ${id} not erased yet: ${error.message}`);
    }
  }
  const retentionEnded = await endRetention(now);
  const exportsDeleted = await deleteExpiredExports(now);
  return { deleted, pseudonymised, exportsDeleted, retentionEnded };
}
