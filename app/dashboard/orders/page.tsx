import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { IntentLink } from "@/components/ui/intent-link";
import { OrderActions } from "@/components/orders/order-actions";
import { ButtonLink } from "@/components/ui/button-link";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { cardPaymentsEnabled } from "@/lib/payments/stripe";
import { formatUsd } from "@/lib/money/format";
import { formatInteger } from "@/lib/format/number";
import { formatDateTime, formatDateTimeWithUtc } from "@/lib/format/date";
import { ownOrders } from "@/lib/orders/queries";
import { routes, withParams } from "@/lib/routes";
import { cursorOnly, readFilter } from "@/lib/validation/lists";
import { ORDER_STATUS_FOR_CUSTOMER } from "@/lib/orders/status-labels";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrdersPage({ searchParams }: Props) {
  const user = await requireUser(routes.dashboard.orders);
  const params = await searchParams;
  const { paid, card: cardReturn } = params;
  const page = await ownOrders(user.id, readFilter(cursorOnly, params).cursor);
  const orders = page.items;
  const now = new Date();
  const card = cardPaymentsEnabled();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      {typeof cardReturn === "string" ? (
        <p role="status" className="rounded-md bg-chip px-3 py-2 text-sm">
          Thank you. Your card payment is being confirmed; the order shows as paid as soon as the payment processor
          tells us.
        </p>
      ) : null}
      {typeof paid === "string" ? (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-500/10 dark:text-green-300"
        >
          Paid. Your contract is scheduled; see{" "}
          <IntentLink href={routes.dashboard.contracts} className="underline">
            Contracts
          </IntentLink>
          .
        </p>
      ) : null}
      {orders.length === 0 && !page.previous ? (
        <div className="rounded-xl border border-dashed border-line p-8 text-center">
          <p className="font-semibold">No orders yet</p>
          <div className="mt-4 flex justify-center">
            <ButtonLink href={routes.plans}>Browse plans</ButtonLink>
          </div>
        </div>
      ) : (
        <DataTable
          caption="Your orders, newest first"
          columns={[
            { label: "Placed" },
            { label: "Plan" },
            { label: "TH", numeric: true },
            { label: "Total", numeric: true },
            { label: "Status" },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id} data-testid="order-row">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {formatDateTime(order.createdAt, user.timeZone)}
              </td>
              <td className="px-3 py-2">{order.product.title}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(order.th)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatUsd(order.totalCents)}</td>
              <td className="px-3 py-2">
                {order.status === "pending_payment" && order.reservedUntil > now ? (
                  <div className="space-y-1">
                    <span className="text-subtle">
                      Reserved until {formatDateTime(order.reservedUntil, user.timeZone)}
                    </span>
                    <OrderActions orderId={order.id} card={card} />
                  </div>
                ) : order.contract ? (
                  <>
                    <IntentLink
                      href={routes.dashboard.contract(order.contract.id)}
                      className="text-accent-ink underline underline-offset-4"
                    >
                      {ORDER_STATUS_FOR_CUSTOMER[order.status]} · contract
                    </IntentLink>
                    <span className="block whitespace-nowrap text-xs text-muted tabular-nums">
                      starts {formatDateTimeWithUtc(order.contract.startsAt, user.timeZone)}
                    </span>
                  </>
                ) : (
                  ORDER_STATUS_FOR_CUSTOMER[order.status === "pending_payment" ? "expired" : order.status]
                )}
                {order.notice ? (
                  <p className="mt-1 max-w-prose text-xs text-muted" data-testid="order-notice">
                    {order.notice}
                    {order.status === "refunded" || order.status === "paid" ? (
                      <>
                        {" "}
                        See{" "}
                        <IntentLink href={routes.dashboard.wallet} className="underline underline-offset-4">
                          Wallet
                        </IntentLink>
                        .
                      </>
                    ) : null}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        label="Pages of your orders"
        page={page}
        href={(cursor) => withParams(routes.dashboard.orders, { cursor })}
      />
    </div>
  );
}
