import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatUtcDate } from "@/lib/format/date";
import { routes, withParams } from "@/lib/routes";
import { USER_STATUS_LABELS } from "@/lib/users/status-labels";
import { usersForStaff } from "@/lib/users/queries";
import { readFilter, userListFilter } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requirePermission("users.manage", routes.admin.users);
  const filter = readFilter(userListFilter, await searchParams);
  const page = await usersForStaff({ q: filter.q, status: filter.status }, filter.cursor);
  const kept = { q: filter.q, status: filter.status };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <form className="flex max-w-lg flex-wrap items-end gap-2" role="search" aria-label="Search users">
        {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
        <label htmlFor="user-search" className="basis-full text-xs text-subtle">
          Email (its beginning) or part of the name
        </label>
        <input
          id="user-search"
          name="q"
          defaultValue={filter.q}
          maxLength={100}
          placeholder="ana@ or Ana Lima"
          className="flex-1 rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        <button className="rounded-md px-3 py-2 text-sm ring-1 ring-line hover:bg-chip">Search</button>
      </form>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[["all", "All"] as const, ...Object.entries(USER_STATUS_LABELS)].map(([value, label]) => (
          <IntentLink
            key={value}
            href={withParams(routes.admin.users, { ...kept, status: value === "all" ? undefined : value })}
            aria-current={(filter.status ?? "all") === value ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 dark:aria-[current=page]:bg-amber-500/15"
          >
            {label}
          </IntentLink>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState page>{filter.q ? `No users match “${filter.q}”.` : "No users here."}</EmptyState>
      ) : (
        <DataTable
          caption="Accounts, newest first"
          columns={[
            { label: "Email" },
            { label: "Name" },
            { label: "Joined (UTC)" },
            { label: "Role" },
            { label: "Status" },
          ]}
        >
          {page.items.map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td className="max-w-64 truncate px-3 py-2">
                <IntentLink href={routes.admin.user(user.id)} className="text-accent-ink underline underline-offset-4">
                  {user.email}
                </IntentLink>
              </td>
              <td className="px-3 py-2">{user.displayName ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDate(user.createdAt)}</td>
              <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
              <td className="px-3 py-2">
                {USER_STATUS_LABELS[user.status]}
                <span className="block text-xs text-subtle">
                  {user.emailVerifiedAt ? "email confirmed" : "email not confirmed"} ·{" "}
                  {user.totpEnabledAt ? "2FA on" : "2FA off"}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of users"
        page={page}
        href={(cursor) => withParams(routes.admin.users, { ...kept, cursor })}
      />
    </div>
  );
}
