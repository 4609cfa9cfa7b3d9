// Who may do what. Every page, action and route asks `can(role, permission)`, never a role name.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "staff.console", // open /admin at all
  "admin.overview", // sales, queues and counts across the platform
  "audit.read",
  "users.manage",
  "products.manage",
  "kyc.review",
  "privacy.handle",
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

export function isStaff(role: Role | null | undefined): boolean {
  return can(role, "staff.console");
}
