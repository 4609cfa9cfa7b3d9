import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { IntentLink } from "@/components/ui/intent-link";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { formatUtcDateTime } from "@/lib/format/date";
import { ordersForStaff } from "@/lib/orders/queries";
import { routes, withParams } from "@/lib/routes";
import { CONTRACT_STATUS, ORDER_STATUS_FOR_STAFF } from "@/lib/orders/status-labels";
import { orderListFilter, readFilter } from "@/lib/validation/lists";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Orders" };

const STATUSES = Object.entries(ORDER_STATUS_FOR_STAFF) as [OrderStatus, string][];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requirePermission("admin.overview", routes.admin.orders);
  const filter = readFilter(orderListFilter, await searchParams);
  const page = await ordersForStaff(
    {
      status: filter.status,
      from: filter.from,
      customer: filter.customer,
      productId: filter.product,
      contract: filter.contract,
    },
    filter.cursor,
  );
  const kept = {
    status: filter.status,
    from: filter.from,
    customer: filter.customer,
    product: filter.product,
    contract: filter.contract,
  };
  const input = "mt-0.5 block rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[["all", "All"] as const, ...STATUSES].map(([value, label]) => (
          <IntentLink
            key={value}
            href={withParams(routes.admin.orders, { ...kept, status: value === "all" ? undefined : value })}
            aria-current={(filter.status ?? "all") === value ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 dark:aria-[current=page]:bg-amber-500/15"
          >
            {label}
          </IntentLink>
        ))}
      </nav>
      <form className="flex flex-wrap items-end gap-3" role="search" aria-label="Search orders">
        {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
        {filter.product ? <input type="hidden" name="product" value={filter.product} /> : null}
        {filter.contract ? <input type="hidden" name="contract" value={filter.contract} /> : null}
        <label className="text-xs text-subtle">
          Customer email starts with
          <input name="customer" defaultValue={filter.customer} className={input} />
        </label>
        <label className="text-xs text-subtle">
          Placed from (UTC)
          <input type="date" name="from" defaultValue={filter.from} className={input} />
        </label>
        <button className="rounded-md px-3 py-1.5 text-sm ring-1 ring-line hover:bg-chip">Search</button>
      </form>
      {filter.contract || filter.product ? (
        <p className="text-sm text-muted">
          {filter.contract ? `Orders whose contract is ${CONTRACT_STATUS[filter.contract].toLowerCase()}. ` : ""}
          {filter.product ? "Orders of one plan. " : ""}
          <IntentLink href={routes.admin.orders} className="underline underline-offset-4">
            Clear filters
          </IntentLink>
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState page>No orders here.</EmptyState>
      ) : (
        <DataTable
          caption="Orders, newest first"
          columns={[
            { label: "Placed (UTC)" },
            { label: "Customer" },
            { label: "Plan" },
            { label: "TH", numeric: true },
            { label: "Total", numeric: true },
            { label: "Status" },
          ]}
        >
          {page.items.map((order) => (
            <tr key={order.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(order.createdAt)}</td>
              <td className="px-3 py-2">
                <IntentLink
                  href={routes.admin.user(order.user.id)}
                  className="text-accent-ink underline underline-offset-4"
                >
                  {order.user.email}
                </IntentLink>
              </td>
              <td className="px-3 py-2">{order.product.title}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(order.th)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatUsd(order.totalCents)}</td>
              <td className="px-3 py-2">
                {ORDER_STATUS_FOR_STAFF[order.status]} · {order.paymentMethod}
                {order.contract ? ` · contract ${order.contract.status}` : ""}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of orders"
        page={page}
        href={(cursor) => withParams(routes.admin.orders, { ...kept, cursor })}
      />
    </div>
  );
}
