// The words for a key's state: live until revoked or past its expiry.
export type ApiKeyStatus = "active" | "expired" | "revoked";

export const API_KEY_STATUS_LABELS: Record<ApiKeyStatus, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

/** Revocation wins over expiry: a revoked key says so even once its date has passed. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}
