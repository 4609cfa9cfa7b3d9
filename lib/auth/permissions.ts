// Who may do what. Every page, action and route asks `can(role, permission)`, never a role name.
import type { Role } from "@/lib/generated/prisma/enums";

/** How each role is named in the staff console. */
export const ROLE_LABELS: Record<Role, string> = {
  customer: "Customer",
  kyc_reviewer: "KYC reviewer",
  privacy_officer: "Privacy officer",
  admin: "Admin",
};

export const PERMISSIONS = [
  "staff.console", // open /admin at all
  "admin.overview", // sales, queues and counts across the platform
  "audit.read",
  "users.manage",
  "products.manage",
  "kyc.review",
  "privacy.handle",
  "withdrawals.manage", // approve, pay out or reject customers' BTC withdrawals
  "market.manage", // market data, its corrections and settling days
  "outages.manage",
  "support.handle", // the support inbox: read tickets, assign them, reply by email
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  customer: [],
  kyc_reviewer: ["staff.console", "kyc.review"],
  privacy_officer: ["staff.console", "privacy.handle"],
  admin: PERMISSIONS,
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].includes(permission) : false;
}

/**
 * Whether `user` may use `permission` now: the role holds it and, since every permission is a
 * staff power, the account has two-factor authentication on.
 */
export function mayUse(
  user: { role: Role; totpEnabledAt: Date | null } | null | undefined,
  permission: Permission,
): boolean {
  return Boolean(user && can(user.role, permission) && user.totpEnabledAt);
}
