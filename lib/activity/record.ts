// The customer's own activity log (security page) and the staff audit log. Both append-only.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type RequestInfo = { ip: string | null; userAgent: string | null };

export const ACTIVITY_LABELS = {
  sign_up: "Account created",
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in attempt",
  sign_out: "Signed out",
  email_verified: "Email confirmed",
  password_changed: "Password changed",
  password_reset: "Password reset by email",
  totp_enabled: "Two-factor authentication turned on",
  totp_disabled: "Two-factor authentication turned off",
  second_factor_failed: "Two-factor code refused",
  recovery_code_used: "Recovery code used to sign in",
  recovery_codes_regenerated: "New recovery codes made",
  kyc_submitted: "Identity documents sent",
  order_placed: "Order placed",
  kyc_human_review_requested: "Human review of an automated check requested",
  payout_address_set: "BTC payout address set",
  withdrawal_requested: "BTC withdrawal requested",
  privacy_request_filed: "Privacy request filed",
  privacy_identity_confirmed: "Identity confirmed for a privacy request",
  support_ticket_opened: "Question sent to support",
  api_key_created: "API key created",
  api_key_revoked: "API key revoked",
} as const;
export type ActivityType = keyof typeof ACTIVITY_LABELS;

type Client = Pick<typeof db, "activityEvent" | "auditLog">;

// Security events that staff see in the audit log as well as the customer in their activity.
const AUDITED: ReadonlySet<ActivityType> = new Set([
  "password_changed",
  "password_reset",
  "totp_enabled",
  "totp_disabled",
  "recovery_code_used",
  "recovery_codes_regenerated",
  "payout_address_set",
  "api_key_created",
  "api_key_revoked",
]);

export async function recordActivity(
  userId: string,
  type: ActivityType,
  request: RequestInfo,
  details?: Prisma.InputJsonValue,
  client: Client = db,
): Promise<void> {
  await client.activityEvent.create({
    data: { userId, type, ip: request.ip, userAgent: request.userAgent?.slice(0, 300) ?? null, details },
  });
  if (AUDITED.has(type)) {
    await recordAudit(
      { actorId: userId, action: `security.${type}`, targetType: "user", targetId: userId },
      request,
      client,
    );
  }
}

export async function recordAudit(
  entry: {
    actorId: string | null;
    action: string;
    targetType?: string;
    targetId?: string;
    details?: Prisma.InputJsonValue;
  },
  request: RequestInfo,
  client: Client = db,
): Promise<void> {
  await client.auditLog.create({ data: { ...entry, ip: request.ip } });
}
