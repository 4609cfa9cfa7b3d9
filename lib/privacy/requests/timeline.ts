// Writing a step on a request's timeline together with its audit entry, and the customer's mail.
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { appLink } from "@/lib/auth/accounts";
import type { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mail/send-mail";
import { privacyRequestMail, type PrivacyMailStep } from "@/lib/mail/templates";
import { routes } from "@/lib/routes";

type Client = Pick<typeof db, "privacyRequestEvent" | "auditLog" | "activityEvent">;

export type EventType =
  "filed" | "verified" | "assigned" | "note" | "extended" | "completed" | "refused" | "rectified" | "export_requested";

/** One step: on the request's timeline (internal ones for staff only) and in the audit log. */
export async function recordStep(
  client: Client,
  step: {
    requestId: string;
    actorId: string | null;
    type: EventType;
    note?: string | null;
    internal?: boolean;
    details?: Prisma.InputJsonValue;
  },
  request: RequestInfo | null,
): Promise<void> {
  await client.privacyRequestEvent.create({
    data: {
      requestId: step.requestId,
      actorId: step.actorId,
      type: step.type,
      note: step.note ?? null,
      internal: step.internal ?? false,
    },
  });
  await recordAudit(
    {
      actorId: step.actorId,
      action: `privacy.${step.type}`,
      targetType: "privacy_request",
      targetId: step.requestId,
      // Internal notes and customers' words stay on the timeline; the audit says who did what.
      details: step.details,
    },
    request ?? { ip: null, userAgent: null },
    client,
  );
}

/** Emails the request's owner about a step (nobody, once the account is gone). */
export async function tellCustomer(email: string | null | undefined, step: PrivacyMailStep): Promise<void> {
  if (!email) return;
  await sendMail(privacyRequestMail(email, step, appLink(routes.dashboard.privacy)));
}
