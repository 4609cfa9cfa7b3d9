// Moves contracts along their life: scheduled → active at their start, active → completed at
// their end. Set-based and idempotent: re-running changes nothing.
import "server-only";
import { db } from "@/lib/db";

export async function advanceContracts(now = new Date()): Promise<{ started: number; completed: number }> {
  const started = await db.contract.updateMany({
    where: { status: "scheduled", startsAt: { lte: now } },
    data: { status: "active" },
  });
  const completed = await db.contract.updateMany({
    where: { status: "active", endsAt: { lte: now } },
    data: { status: "completed" },
  });
  return { started: started.count, completed: completed.count };
}
