import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { ReplyForm } from "@/components/support/reply-form";
import { TicketControls } from "@/components/support/ticket-controls";
import { BackLink } from "@/components/ui/back-link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDateTime } from "@/lib/format/date";
import { routes } from "@/lib/routes";
import { ticketForStaff } from "@/lib/support/queries";
import { TICKET_STATUS_LABELS } from "@/lib/support/status-labels";

export const metadata: Metadata = { title: "Support ticket" };

type Props = { params: Promise<{ id: string }> };

export default async function SupportTicketPage({ params }: Props) {
  const staff = await requirePermission("support.handle", routes.admin.support);
  const ticket = await ticketForStaff((await params).id);
  if (!ticket) notFound();
  return (
    <div className="space-y-6">
      <BackLink href={routes.admin.support}>Support</BackLink>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight break-words">
          Ticket {ticket.number}: {ticket.subject}
        </h1>
        <p className="text-sm text-muted">
          From {ticket.email}
          {ticket.user && can(staff.role, "users.manage") ? (
            <>
              {" "}
              (
              <IntentLink href={routes.admin.user(ticket.user.id)} className="underline underline-offset-4">
                account
              </IntentLink>
              )
            </>
          ) : ticket.user ? null : (
            " (not signed in)"
          )}{" "}
          · {TICKET_STATUS_LABELS[ticket.status]} · assigned to {ticket.assignee?.email ?? "nobody"}
        </p>
      </div>
      <TicketControls
        ticketId={ticket.id}
        mine={ticket.assignee?.id === staff.id}
        closed={ticket.status === "closed"}
      />
      <ol className="space-y-3" aria-label="Messages, oldest first">
        {ticket.messages.map((message) => (
          <li
            key={message.id}
            className={`rounded-xl border p-4 ${message.fromStaff ? "ml-8 border-amber-300 bg-amber-50 dark:border-amber-500/40 dark:bg-amber-500/10" : "border-line bg-surface"}`}
          >
            <p className="text-xs text-subtle">
              {message.fromStaff ? `Reply by ${message.author?.email ?? "a former staff member"}` : "Customer"} ·{" "}
              {formatUtcDateTime(message.createdAt)} UTC
            </p>
            <p className="mt-1 whitespace-pre-wrap text-sm">{message.body}</p>
          </li>
        ))}
      </ol>
      <section aria-labelledby="reply-title" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="reply-title" className="mb-3 font-semibold">
          Reply
        </h2>
        <ReplyForm ticketId={ticket.id} email={ticket.email} />
      </section>
    </div>
  );
}
