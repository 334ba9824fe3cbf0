import type { Metadata } from "next";
import Link from "next/link";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { EmptyList } from "@/app/admin/_components/empty-list";
import {
  FILTER_CONTROL_CLASS,
  FilterClear,
  FilterField,
  FilterSelect,
  FilterSubmit,
} from "@/app/admin/_components/filter-field";
import { KeysetPager } from "@/app/admin/_components/keyset-pager";
import { consolePage } from "@/app/admin/require-console";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/money";
import { CHANNEL_LABELS, listAdminOrders } from "@/lib/orders/list-admin-orders";
import { orderNumber } from "@/lib/orders/order-number";
import { ORDER_STATUS_LABELS } from "@/lib/orders/order-transitions";
import { orderListHref, readOrderListQuery, type SearchParams } from "./order-list-query";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<SearchParams> };

export default consolePage("orders", async function OrdersPage({ searchParams }: Props) {
  const { filters, before } = readOrderListQuery(await searchParams);
  const page = await listAdminOrders({ ...filters, before });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <ConsolePage
      title="Orders"
      description="Every order of both stores, newest first. Dates are in your time zone; the date filter takes whole days in UTC."
      actions={
        <a
          href={orderListHref("/admin/orders/export", filters)}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          data-testid="orders-export"
        >
          Export CSV
        </a>
      }
    >
      <form
        method="get"
        action="/admin/orders"
        role="search"
        aria-label="Filter orders"
        className="grid grid-cols-2 gap-2 text-sm sm:flex sm:flex-wrap sm:items-end"
      >
        <FilterField
          label="Search"
          className="col-span-2 flex flex-col gap-1 sm:min-w-60 sm:flex-1"
        >
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="Order number, email or @handle"
            className={FILTER_CONTROL_CLASS}
          />
        </FilterField>
        <FilterSelect
          label="Store"
          name="store"
          defaultValue={filters.store ?? ""}
          options={[
            ["", "Both stores"],
            ["US", "US"],
            ["UK", "UK"],
          ]}
        />
        <FilterSelect
          label="Status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[
            ["", "Any status"],
            ...Object.values(OrderStatus).map(
              (status) => [status, ORDER_STATUS_LABELS[status]] as const,
            ),
          ]}
        />
        <FilterField label="From">
          <input
            type="date"
            name="from"
            defaultValue={filters.from ?? ""}
            className={FILTER_CONTROL_CLASS}
          />
        </FilterField>
        <FilterField label="To">
          <input
            type="date"
            name="to"
            defaultValue={filters.to ?? ""}
            className={FILTER_CONTROL_CLASS}
          />
        </FilterField>
        <div className="col-span-2 flex items-center gap-2">
          <FilterSubmit>Filter</FilterSubmit>
          {filtered && <FilterClear href="/admin/orders">Clear filters</FilterClear>}
        </div>
      </form>

      {!page.found ? (
        <Notice tone="warning">
          That page of orders does not exist (its link may be cut short).{" "}
          <Link href={orderListHref("/admin/orders", filters)} className="font-medium underline">
            See the newest orders
          </Link>
        </Notice>
      ) : page.orders.length === 0 ? (
        <EmptyList
          testId="orders-empty"
          title={before ? "No older orders" : filtered ? "No orders match" : "No orders yet"}
        >
          {filtered
            ? "Try another search or fewer filters, or clear them to see every order."
            : "Orders appear here as shoppers check out, whether their carts filled from replies on X or on the website."}
        </EmptyList>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm" data-testid="orders-table">
            <caption className="sr-only">Orders, newest first</caption>
            <thead className="hidden border-b border-slate-200 text-slate-600 md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Order
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Customer
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Items
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Came by
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.orders.map((order) => (
                <tr
                  key={order.id}
                  data-testid="admin-order-row"
                  className="grid grid-cols-2 gap-x-3 gap-y-1 p-4 md:table-row md:p-0"
                >
                  <th scope="row" className="font-medium md:px-4 md:py-3">
                    <Link
                      href={`/admin/orders/${order.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      #{orderNumber(order.id)}
                    </Link>{" "}
                    <span className="font-normal text-slate-500">{order.store}</span>
                  </th>
                  <td className="text-right text-slate-700 md:px-4 md:py-3 md:text-left">
                    <LocalTime date={order.createdAt} />
                  </td>
                  <td className="col-span-2 min-w-0 truncate md:max-w-56 md:px-4 md:py-3">
                    {order.customer}
                  </td>
                  <td className="text-slate-700 tabular-nums md:px-4 md:py-3 md:text-right">
                    {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
                  </td>
                  <td className="text-right font-semibold tabular-nums md:px-4 md:py-3">
                    {formatMoney(order.totalMinor, order.currency)}
                  </td>
                  <td className="md:px-4 md:py-3">
                    <OrderStatusBadge status={order.status} />
                  </td>
                  <td className="text-right text-slate-700 md:px-4 md:py-3 md:text-left">
                    {CHANNEL_LABELS[order.channel]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.found && (
        <KeysetPager
          label="Order pages"
          noun="orders"
          newestHref={before ? orderListHref("/admin/orders", filters) : undefined}
          olderHref={
            page.olderCursor ? orderListHref("/admin/orders", filters, page.olderCursor) : undefined
          }
        />
      )}
    </ConsolePage>
  );
});
