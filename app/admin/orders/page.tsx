import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { formatUtcDateTime } from "@/lib/format/date";
import { ordersForStaff } from "@/lib/orders/queries";
import { routes } from "@/lib/routes";
import { ORDER_STATUS_FOR_STAFF } from "@/lib/orders/status-labels";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Orders" };

const FILTERS: { value: OrderStatus | "all"; label: string }[] = [
  { value: "all", label: "All" },
  ...(Object.entries(ORDER_STATUS_FOR_STAFF) as [OrderStatus, string][]).map(([value, label]) => ({ value, label })),
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requirePermission("admin.overview", routes.admin.orders);
  const { status } = await searchParams;
  const filter = FILTERS.find((item) => item.value === status)?.value ?? "all";
  const orders = await ordersForStaff(filter);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {FILTERS.map((item) => (
          <Link
            key={item.value}
            href={routes.admin.ordersByStatus(item.value)}
            aria-current={item.value === filter ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 dark:aria-[current=page]:bg-amber-500/15"
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {orders.length === 0 ? (
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
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtcDateTime(order.createdAt)}</td>
              <td className="px-3 py-2">
                <Link href={routes.admin.user(order.user.id)} className="text-accent-ink underline underline-offset-4">
                  {order.user.email}
                </Link>
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
    </div>
  );
}
