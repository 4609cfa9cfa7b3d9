// Calendar days in UTC, the unit of market data, settlement and contract starts. A day is
// written "YYYY-MM-DD"; one definition here, so every domain counts days the same way.
export const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** 00:00 UTC of the day `at` falls in. */
export function startOfUtcDay(at: Date): Date {
  return new Date(`${utcDay(at)}T00:00:00Z`);
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return utcDay(at);
}
