import type { Metadata } from "next";
import Link from "next/link";
import { UserAccessForm } from "@/components/users/user-access-form";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDate } from "@/lib/format/date";
import { searchUsers } from "@/lib/users/queries";
import { routes } from "@/lib/routes";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requirePermission("users.manage", routes.admin.users);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim().slice(0, 100) : "";
  const users = await searchUsers(query);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <form className="flex max-w-md gap-2" role="search">
        <label htmlFor="user-search" className="sr-only">
          Search by email
        </label>
        <input
          id="user-search"
          name="q"
          defaultValue={query}
          placeholder="Search by email"
          className="flex-1 rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        <button className="rounded-md px-3 py-2 text-sm ring-1 ring-line hover:bg-chip">Search</button>
      </form>
      {users.length === 0 ? (
        <EmptyState page>No users match “{query}”.</EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {users.map((user) => (
            <li key={user.id} className="flex flex-col gap-2 p-4 lg:flex-row lg:items-center lg:justify-between">
              <div className="min-w-0">
                <Link
                  href={routes.admin.user(user.id)}
                  className="block truncate font-medium text-accent-ink underline underline-offset-4"
                >
                  {user.email}
                </Link>
                <p className="text-xs text-subtle">
                  Joined {formatUtcDate(user.createdAt)} ·{" "}
                  {user.emailVerifiedAt ? "email confirmed" : "email not confirmed"} ·{" "}
                  {user.totpEnabledAt ? "2FA on" : "2FA off"}
                </p>
              </div>
              <UserAccessForm userId={user.id} role={user.role} status={user.status} email={user.email} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
