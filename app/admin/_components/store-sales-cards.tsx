import type { StoreSales, SalesPeriod } from "@/lib/console/store-sales";
import { formatMoney } from "@/lib/money";

/** Each store's orders and revenue today and this week, in its own currency. */
export function StoreSalesCards({ stores }: { stores: StoreSales[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {stores.map((store) => (
        <section
          key={store.id}
          aria-label={`${store.name} store`}
          data-testid={`sales-${store.code}`}
          className="rounded-xl border border-slate-200 p-4"
        >
          <h3 className="text-sm font-semibold text-slate-900">
            {store.name} <span className="font-normal text-slate-500">· {store.currency}</span>
          </h3>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Period label="Today" period={store.today} currency={store.currency} />
            <Period label="This week" period={store.week} currency={store.currency} />
          </dl>
        </section>
      ))}
    </div>
  );
}

function Period({
  label,
  period,
  currency,
}: {
  label: string;
  period: SalesPeriod;
  currency: string;
}) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">
        {formatMoney(period.revenueMinor, currency)}
      </dd>
      <dd className="text-sm text-slate-600">
        {period.orders} {period.orders === 1 ? "order" : "orders"}
      </dd>
    </div>
  );
}
