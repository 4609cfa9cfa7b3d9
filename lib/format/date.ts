// Dates as the app shows them. Customer pages show the account's time zone with its abbreviation
// or offset ("2026-11-26 19:00 GMT-5"); where a contract starts or ends they add the UTC time,
// since settlement days are UTC days. Staff pages, emails and exports stay in UTC.
// Formatting runs on the server with one fixed locale, so the HTML never depends on the browser.
import { displayTimeZone } from "@/lib/time/time-zones";
import { utcDay } from "@/lib/time/utc-days";

const LOCALE = "en-GB";

/** A UTC instant as "YYYY-MM-DD HH:MM" (the zone said in the column or label). */
export function formatUtcDateTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

export { utcDay as formatUtcDate } from "@/lib/time/utc-days";

type Parts = { date: string; time: string; zone: string };

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(date: Date, timeZone: string): Parts {
  const zone = displayTimeZone(timeZone);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(zone).formatToParts(date)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: parts.timeZoneName ?? zone,
  };
}

/** An instant in `timeZone`: "2026-11-26 19:00 GMT-5", "2026-11-27 01:00 CET". */
export function formatDateTime(date: Date, timeZone: string): string {
  const { date: day, time, zone } = partsIn(date, timeZone);
  return `${day} ${time} ${zone}`;
}

/** The calendar day an instant falls on in `timeZone`: "2026-11-26". */
export function formatDate(date: Date, timeZone: string): string {
  return partsIn(date, timeZone).date;
}

/**
 * An instant in `timeZone` with the UTC time beside it, for contract starts and ends:
 * "2026-11-27 01:00 CET (00:00 UTC)", or with the UTC date when the days differ:
 * "2026-11-26 19:00 GMT-5 (2026-11-27 00:00 UTC)". Just "… UTC" when the zone is UTC.
 */
export function formatDateTimeWithUtc(date: Date, timeZone: string): string {
  const zone = displayTimeZone(timeZone);
  if (zone === "UTC") return `${formatUtcDateTime(date)} UTC`;
  const local = partsIn(date, zone);
  const utc = formatUtcDateTime(date);
  const utcText = local.date === utcDay(date) ? utc.slice(11) : utc;
  return `${local.date} ${local.time} ${local.zone} (${utcText} UTC)`;
}
