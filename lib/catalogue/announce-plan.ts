// Tells the customers who asked for news about new plans that a plan is on sale. Marketing
// mail: every recipient passes mayReceiveMarketing first (lib/mail/send-marketing-mail.ts).
import "server-only";
import { recordAudit, type RequestInfo } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { sendMarketingMail } from "@/lib/mail/send-marketing-mail";
import { newPlanMail } from "@/lib/mail/templates";
import { routes } from "@/lib/routes";

const link = (path: string) => new URL(path, env().APP_URL).toString();

/**
 * Emails the subscribers about an on-sale plan; returns how many were sent. A plan is announced
 * once: the audit entry claims it (under a lock on the plan) before any mail leaves, so a double
 * click or two admins at once send one announcement.
 */
export async function announcePlan(productId: string, actorId: string, request: RequestInfo): Promise<number> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { id: true, slug: true, title: true, durationDays: true, status: true },
  });
  if (!product) throw new UserError("That plan does not exist.");
  if (product.status !== "on_sale") throw new UserError("Only a plan on sale can be announced.");
  const claimed = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${product.id}::uuid FOR UPDATE`;
    const earlier = await tx.auditLog.findFirst({
      where: { action: "product.announce", targetType: "product", targetId: product.id },
      select: { id: true },
    });
    if (earlier) return false;
    await recordAudit(
      { actorId, action: "product.announce", targetType: "product", targetId: product.id },
      request,
      tx,
    );
    return true;
  });
  if (!claimed) throw new UserError("This plan was already announced to subscribers.");
  // Candidates only; sendMarketingMail decides for each one.
  const candidates = await db.user.findMany({
    where: { marketingOptIn: true, processingRestrictedAt: null, status: { in: ["active", "restricted"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  for (const candidate of candidates) {
    const mailed = await sendMarketingMail(candidate.id, (to) =>
      newPlanMail(
        to,
        { title: product.title, durationDays: product.durationDays, link: link(routes.product(product.slug)) },
        link(routes.dashboard.settings),
      ),
    );
    if (mailed) sent += 1;
  }
  return sent;
}
