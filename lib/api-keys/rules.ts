// The numbers of personal API keys (docs/api.md, "Keys"), in one place for the domain, the form
// and the docs.
import { DAY_MS } from "@/lib/time/utc-days";

/** Live keys (neither revoked nor expired) a customer may hold at once. */
export const MAX_LIVE_API_KEYS = 10;

/** Why staff accounts hold no keys: every scope reads or writes the key owner's own data. */
export const STAFF_REFUSAL = "API keys are for customer accounts: the API reads your own data, never staff tools.";

/** A key's name, in characters (code points), after trimming. */
export const API_KEY_NAME_MAX = 60;

/** How long a new key lasts: a number of days, or no expiry. */
export const API_KEY_EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;
export type ApiKeyExpiryChoice = (typeof API_KEY_EXPIRY_CHOICES)[number];

export const API_KEY_EXPIRY_LABELS: Record<ApiKeyExpiryChoice, string> = {
  "30": "30 days",
  "90": "90 days",
  "365": "365 days",
  never: "No expiry",
};

/** The instant a key made at `now` with `choice` expires; null for no expiry. */
export function apiKeyExpiry(choice: ApiKeyExpiryChoice, now: Date = new Date()): Date | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * DAY_MS);
}

/** The Prisma filter for a customer's live keys at `now`. */
export function liveApiKeys(userId: string, now: Date) {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
