// Completing a request: its answer to the customer, on the timeline, audited and emailed. Used by
// the privacy officer and by the steps that complete a request by themselves (an account closed
// after the identity re-proof, an export that is ready).
import "server-only";
import type { RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { OPEN_STATUSES } from "./rules";
import { recordStep, tellCustomer } from "./timeline";

export async function finishRequest(
  requestId: string,
  actorId: string | null,
  { response, email }: { response: string; email?: string | null },
  request: RequestInfo | null,
  now: Date = new Date(),
): Promise<void> {
  const finished = await db.$transaction(async (tx) => {
    const { count } = await tx.privacyRequest.updateMany({
      where: { id: requestId, status: { in: [...OPEN_STATUSES] } },
      data: { status: "completed", completedAt: now, response },
    });
    if (count !== 1) throw new UserError("This request is already closed.");
    await recordStep(tx, { requestId, actorId, type: "completed", note: response }, request);
    return tx.privacyRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { type: true, user: { select: { email: true } } },
    });
  });
  // `email: null` when the customer was told before their data went (erasure).
  const to = email === undefined ? finished.user?.email : email;
  await tellCustomer(to, { step: "completed", type: REQUEST_TYPE_SHORT[finished.type], response });
}
