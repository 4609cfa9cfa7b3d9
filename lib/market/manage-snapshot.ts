// An admin adds or corrects one UTC day's market data, audited with a reason. A day already
// settled is refused unless the admin asks to re-settle it, which posts corrections
// (lib/settlement/resettle.ts) in the same transaction as the new figures.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { resettleDay } from "@/lib/settlement/resettle";
import { lockDay, settleRange } from "@/lib/settlement/settle";
import type { SnapshotInput } from "@/lib/validation/market";

export type SnapshotOutcome = { created: boolean; corrected: number; deltaSats: bigint };

export async function saveSnapshot(
  admin: { id: string },
  input: SnapshotInput,
  request: RequestInfo,
): Promise<SnapshotOutcome> {
  return db.$transaction(async (tx) => {
    // The same lock settlement takes: a day is never settled from half-corrected figures.
    await lockDay(tx, input.day);
    const day = new Date(`${input.day}T00:00:00Z`);
    const before = await tx.marketSnapshot.findUnique({ where: { day } });
    const settled = await tx.settlement.count({ where: { day } });
    if (settled > 0 && !input.resettle)
      throw new UserError(`${input.day} is already settled for ${settled} contract(s).`, {
        resettle: ["Tick “re-settle” to post corrections to the contracts settled that day."],
      });
    const figures = {
      difficulty: input.difficulty,
      btcPriceCents: input.btcPriceUsd,
      blockSubsidySats: input.blockSubsidySats,
      feesPerBlockSats: input.feesPerBlockSats,
      source: "admin",
      createdById: admin.id,
    };
    await tx.marketSnapshot.upsert({ where: { day }, create: { day, ...figures }, update: figures });
    const corrections = settled > 0 ? await resettleDay(tx, input.day, input.reason, admin.id) : null;
    await recordAudit(
      {
        actorId: admin.id,
        action: before ? "market.correct" : "market.add",
        targetType: "market_snapshot",
        targetId: input.day,
        details: {
          reason: input.reason,
          before: before
            ? {
                difficulty: before.difficulty.toString(),
                btcPriceCents: before.btcPriceCents.toString(),
                blockSubsidySats: before.blockSubsidySats.toString(),
                feesPerBlockSats: before.feesPerBlockSats.toString(),
              }
            : null,
          after: {
            difficulty: input.difficulty,
            btcPriceCents: input.btcPriceUsd.toString(),
            blockSubsidySats: input.blockSubsidySats.toString(),
            feesPerBlockSats: input.feesPerBlockSats.toString(),
          },
          resettled: corrections
            ? { contracts: corrections.contracts, deltaSats: corrections.deltaSats.toString() }
            : null,
        },
      },
      request,
      tx,
    );
    return { created: !before, corrected: corrections?.contracts ?? 0, deltaSats: corrections?.deltaSats ?? 0n };
  });
}

/** The admin's "settle these days" button: the same work as the daily job, audited. */
export async function settleDaysByAdmin(admin: { id: string }, from: string, to: string, request: RequestInfo) {
  const outcomes = await settleRange(from, to);
  await recordAudit(
    {
      actorId: admin.id,
      action: "settlement.run",
      targetType: "settlement",
      targetId: `${from}..${to}`,
      details: outcomes.map((o) => ({ day: o.day, status: o.status, contracts: "contracts" in o ? o.contracts : 0 })),
    },
    request,
  );
  return outcomes;
}
