// The deadlines and shapes of privacy requests (docs/product-rules.md §9), in one place.
import type { PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { DAY_MS } from "@/lib/time/utc-days";

/** Every request is answered within this many days of filing. */
export const RESPONSE_DAYS = 30;
/** An extension adds at most this many calendar months to the due date. */
export const MAX_EXTENSION_MONTHS = 2;
/** The queue and the officers' reminder call a request "due soon" this many days ahead. */
export const DUE_SOON_DAYS = 7;

export const OPEN_STATUSES: readonly PrivacyRequestStatus[] = ["received", "in_progress", "extended"];

/** Requests carried out only after the customer proves who they are again (password, and TOTP when on). */
export const NEEDS_IDENTITY: readonly PrivacyRequestType[] = ["access", "portability", "erasure", "account_closure"];

/** Told to a refused customer unless the officer writes something more specific. */
export const DEFAULT_COMPLAINT_INFO =
  "If you disagree, you may complain to a data-protection supervisory authority, such as the one in the country where you live or work, or where you think the problem happened. You may also write to privacy@hashwork.example and ask us to look again.";

export function dueAtFor(filedAt: Date): Date {
  return new Date(filedAt.getTime() + RESPONSE_DAYS * DAY_MS);
}

/** The original deadline plus `months` calendar months (UTC), keeping the time of day. */
export function extendedDueAt(filedAt: Date, months: number): Date {
  const due = dueAtFor(filedAt);
  const day = due.getUTCDate();
  const extended = new Date(due);
  extended.setUTCDate(1);
  extended.setUTCMonth(extended.getUTCMonth() + months);
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(extended.getUTCFullYear(), extended.getUTCMonth() + 1, 0)).getUTCDate();
  extended.setUTCDate(Math.min(day, lastDay));
  return extended;
}

/** An extension may only be announced within the first 30 days after filing. */
export function mayStillExtend(filedAt: Date, now: Date): boolean {
  return now.getTime() <= dueAtFor(filedAt).getTime();
}

export function isOpen(status: PrivacyRequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isOverdue(request: { status: PrivacyRequestStatus; dueAt: Date }, now: Date): boolean {
  return isOpen(request.status) && request.dueAt.getTime() < now.getTime();
}

export function needsIdentity(type: PrivacyRequestType): boolean {
  return NEEDS_IDENTITY.includes(type);
}

/** The timeline step the export module writes when it sends an export to the named recipient. */
export const SENT_EVENT = "export_sent";
