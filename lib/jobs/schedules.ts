// Every background job and when it runs, in one place. Each job is idempotent, so a run that
// repeats (after a crash, or on two instances) changes nothing.
import "server-only";
import { purgeExpired } from "@/lib/auth/purge-expired";
import { advanceContracts } from "@/lib/orders/advance-contracts";
import { expireReservations } from "@/lib/orders/expire-reservations";
import { fetchMarketData } from "@/lib/market/feed";
import { settleDue } from "@/lib/settlement/settle";
import { sendDeadlineReminders } from "@/lib/privacy/requests/deadline-reminders";
import { runRetention } from "@/lib/privacy/erasure";

export const JOBS = {
  "expire-reservations": { cron: "* * * * *", run: () => expireReservations() },
  "advance-contracts": { cron: "*/5 * * * *", run: () => advanceContracts() },
  "purge-expired": { cron: "17 * * * *", run: () => purgeExpired() },
  // Ten minutes into the UTC day, so the day before is over everywhere: settles it and any
  // earlier day still owed, oldest first.
  "settle-days": { cron: "10 0 * * *", run: () => settleDue() },
  // Does nothing unless MARKET_DATA_URL is set; hourly so a failed fetch is retried soon.
  "fetch-market-data": { cron: "5 * * * *", run: () => fetchMarketData() },
  // Each morning (UTC), privacy officers get the requests due within 7 days and the overdue ones.
  "privacy-deadline-reminders": { cron: "0 7 * * *", run: () => sendDeadlineReminders() },
  // Daily: erases accounts closed long enough ago, ends retention periods, deletes expired exports.
  "privacy-retention": { cron: "40 2 * * *", run: () => runRetention() },
} as const satisfies Record<string, { cron: string; run: () => Promise<unknown> }>;

export type JobName = keyof typeof JOBS;
