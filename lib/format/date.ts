// Dates as the app shows them: always UTC, the zone said in the column or label.
export function formatUtcDateTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

export { utcDay as formatUtcDate } from "@/lib/time/utc-days";
