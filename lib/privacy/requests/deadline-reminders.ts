// The privacy officers' daily email: requests due within 7 days and overdue ones. Sent once per
// UTC day whatever runs the job how often: the day's audit entry is written under a lock before
// any mail goes out, and a run that finds it sends nothing.
import "server-only";
import { recordAudit } from "@/lib/activity/record";
import { appLink } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { formatUtcDate } from "@/lib/format/date";
import { sendMail } from "@/lib/mail/send-mail";
import { privacyDeadlinesMail } from "@/lib/mail/templates";
import { deadlineLists } from "@/lib/privacy/queries";
import { REQUEST_TYPE_SHORT } from "@/lib/privacy/status-labels";
import { routes } from "@/lib/routes";
import { utcDay } from "@/lib/time/utc-days";

const ACTION = "privacy.deadline_reminder";

export async function sendDeadlineReminders(now: Date = new Date()): Promise<{ sent: number }> {
  const day = utcDay(now);
  const lists = await deadlineLists(now);
  const officers = await db.user.findMany({
    where: { role: "privacy_officer", status: "active" },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  const claimed = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${ACTION}:${day}`}))`;
    const already = await tx.auditLog.findFirst({ where: { action: ACTION, targetType: "day", targetId: day } });
    if (already) return false;
    await recordAudit(
      {
        actorId: null,
        action: ACTION,
        targetType: "day",
        targetId: day,
        details: { overdue: lists.overdue.length, dueSoon: lists.dueSoon.length, officers: officers.length },
      },
      { ip: null, userAgent: null },
      tx,
    );
    return true;
  });
  if (!claimed || (lists.overdue.length === 0 && lists.dueSoon.length === 0)) return { sent: 0 };
  const line = (row: (typeof lists.overdue)[number]) =>
    `${REQUEST_TYPE_SHORT[row.type]} from ${row.user?.email ?? "a former customer"}, due ${formatUtcDate(row.dueAt)}: ${appLink(routes.admin.privacyRequest(row.id))}`;
  const text = { overdue: lists.overdue.map(line), dueSoon: lists.dueSoon.map(line) };
  for (const officer of officers) {
    await sendMail(privacyDeadlinesMail(officer.email, day, text, appLink(routes.admin.privacy)));
  }
  return { sent: officers.length };
}
