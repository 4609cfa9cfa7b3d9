import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { formatInteger, formatUsd } from "@/lib/money/format";

export const metadata: Metadata = { title: "Orders" };

const FILTERS: { value: OrderStatus | "all"; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending_payment", label: "Reserved" },
  { value: "paid", label: "Paid" },
  { value: "expired", label: "Expired" },
  { value: "cancelled", label: "Cancelled" },
  { value: "refunded", label: "Refunded" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requirePermission("admin.overview", "/admin/orders");
  const { status } = await searchParams;
  const filter = FILTERS.find((item) => item.value === status)?.value ?? "all";
  const orders = await db.order.findMany({
    where: filter === "all" ? undefined : { status: filter },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { user: { select: { id: true, email: true } }, product: { select: { title: true } }, contract: { select: { status: true } } },
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {FILTERS.map((item) => (
          <Link key={item.value} href={`/admin/orders?status=${item.value}`} aria-current={item.value === filter ? "page" : undefined} className="rounded-full px-3 py-1 ring-1 ring-line hover:bg-chip aria-[current=page]:bg-amber-100 dark:aria-[current=page]:bg-amber-500/15">
            {item.label}
          </Link>
        ))}
      </nav>
      {orders.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-muted">No orders here.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full text-sm">
            <caption className="sr-only">Orders, newest first</caption>
            <thead className="bg-chip text-left text-xs uppercase tracking-wide text-subtle">
              <tr>
                <th scope="col" className="px-3 py-2">Placed (UTC)</th>
                <th scope="col" className="px-3 py-2">Customer</th>
                <th scope="col" className="px-3 py-2">Plan</th>
                <th scope="col" className="px-3 py-2 text-right">TH</th>
                <th scope="col" className="px-3 py-2 text-right">Total</th>
                <th scope="col" className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line bg-surface">
              {orders.map((order) => (
                <tr key={order.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{order.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/users/${order.user.id}`} className="text-accent-ink underline-offset-4 hover:underline">
                      {order.user.email}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{order.product.title}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(order.th)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(order.totalCents)}</td>
                  <td className="px-3 py-2">
                    {order.status.replace("_", " ")} · {order.paymentMethod}
                    {order.contract ? ` · contract ${order.contract.status}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
