// Moves contracts along their life: scheduled → active at their start. Completion belongs to
// settlement: a contract completes only once every day of its term is credited
// (lib/settlement/settle.ts), so this job never completes one with output still owed.
// Set-based and idempotent: re-running changes nothing.
import "server-only";
import { db } from "@/lib/db";
import { completeSettledContracts } from "@/lib/settlement/settle";

export async function advanceContracts(now = new Date()): Promise<{ started: number; completed: number }> {
  const started = await db.contract.updateMany({
    where: { status: "scheduled", startsAt: { lte: now } },
    data: { status: "active" },
  });
  const completed = await completeSettledContracts(now);
  return { started: started.count, completed };
}
