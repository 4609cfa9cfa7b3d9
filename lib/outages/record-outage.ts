// A farm outage recorded by an admin (docs/product-rules.md §5): the contracts on the stopped
// machine models mine nothing for the hours lost and are extended hour for hour. An hour already
// lost to an overlapping outage is not lost twice, so it never extends a contract twice.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { outageExtendedMail } from "@/lib/mail/templates";
import type { OutageInput } from "@/lib/validation/outages";

export type OutageOutcome = { outageId: string; contracts: number };

export async function recordOutage(
  admin: { id: string },
  input: OutageInput,
  request: RequestInfo,
): Promise<OutageOutcome> {
  const { outageId, extended } = await db.$transaction(async (tx) => {
    // One outage at a time, so two recorded at once cannot both claim the same lost hour.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(872402)`;
    // Paying a day and then taking its hours back would need a correction the customer never
    // asked for: an outage reaches back only to days not settled yet.
    const [settled] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Settlement" s
      JOIN "Contract" c ON c.id = s."contractId" JOIN "Product" p ON p.id = c."productId"
      WHERE p."machineModel" = ANY(${input.machineModels}::text[])
        AND s.day >= (${input.startedAt}::timestamptz AT TIME ZONE 'UTC')::date`;
    if ((settled?.n ?? 0) > 0)
      throw new UserError("Those hours are in a day already settled for these machines.", {
        startedAt: ["Start after the last settled day."],
      });
    const outage = await tx.outage.create({
      data: {
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        machineModels: input.machineModels,
        reason: input.reason,
        createdById: admin.id,
      },
      select: { id: true },
    });
    // For each contract on a stopped model whose term meets the outage: the seconds of the
    // outage inside its term that no earlier outage already took. Then one extension row per
    // contract and the term pushed out by exactly those seconds.
    const extended = await tx.$queryRaw<{ contractId: string; userId: string; endsAt: Date; seconds: number }[]>`
      WITH o AS (SELECT tstzrange(${input.startedAt}::timestamptz, ${input.endedAt}::timestamptz) AS r),
      hit AS (
        SELECT c.id, c."userId", floor(coalesce((
          SELECT sum(extract(epoch FROM upper(piece) - lower(piece)))
          FROM unnest(
            (multirange(o.r) * multirange(tstzrange(c."startsAt", c."endsAt")))
            - coalesce((SELECT range_agg(tstzrange(o2."startedAt", o2."endedAt"))
                        FROM "ContractExtension" ce JOIN "Outage" o2 ON o2.id = ce."outageId"
                        WHERE ce."contractId" = c.id), '{}'::tstzmultirange)) AS piece
        ), 0))::int AS seconds
        FROM "Contract" c JOIN "Product" p ON p.id = c."productId", o
        WHERE c.status <> 'completed' AND p."machineModel" = ANY(${input.machineModels}::text[])
          AND c."startsAt" < upper(o.r) AND c."endsAt" > lower(o.r)
      ),
      ext AS (
        INSERT INTO "ContractExtension" (id, "contractId", "outageId", hours)
        SELECT gen_random_uuid(), hit.id, ${outage.id}::uuid, round(hit.seconds / 3600.0, 2) FROM hit WHERE hit.seconds > 0
      )
      UPDATE "Contract" c SET "endsAt" = c."endsAt" + make_interval(secs => hit.seconds), "updatedAt" = now()
      FROM hit WHERE hit.id = c.id AND hit.seconds > 0
      RETURNING c.id AS "contractId", c."userId", c."endsAt", hit.seconds`;
    await recordAudit(
      {
        actorId: admin.id,
        action: "outage.record",
        targetType: "outage",
        targetId: outage.id,
        details: {
          startedAt: input.startedAt.toISOString(),
          endedAt: input.endedAt.toISOString(),
          machineModels: input.machineModels,
          reason: input.reason,
          contractsExtended: extended.length,
        },
      },
      request,
      tx,
    );
    return { outageId: outage.id, extended };
  });
  // Mail after commit: a customer is never told of an extension that was rolled back.
  if (extended.length > 0) {
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(extended.map((row) => row.userId))] } },
      select: { id: true, email: true },
    });
    const emailOf = new Map(users.map((user) => [user.id, user.email]));
    for (const row of extended) {
      const to = emailOf.get(row.userId);
      if (to)
        await sendMail(
          outageExtendedMail(to, { hoursLost: row.seconds / 3600, endsAt: row.endsAt, reason: input.reason }),
        );
    }
  }
  return { outageId, contracts: extended.length };
}

/** Outages newest first, with how many contracts each extended. */
export async function listOutages(limit = 100) {
  return db.outage.findMany({
    orderBy: { startedAt: "desc" },
    take: limit,
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      machineModels: true,
      reason: true,
      createdAt: true,
      _count: { select: { extensions: true } },
    },
  });
}
