import { adminOrderFiltersSchema, type AdminOrderFilters } from "@/lib/orders/list-admin-orders";

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The list's filters and page from its URL (shared by the page and the CSV export). */
export function readOrderListQuery(params: SearchParams) {
  const filters = adminOrderFiltersSchema.parse({
    store: one(params.store) || undefined,
    status: one(params.status) || undefined,
    from: one(params.from) || undefined,
    to: one(params.to) || undefined,
    q: one(params.q),
  });
  return { filters, before: one(params.before) || undefined };
}

/** The URL of the list (or the export) with these filters and page. */
export function orderListHref(
  path: "/admin/orders" | "/admin/orders/export",
  filters: AdminOrderFilters,
  before?: string,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (before) params.set("before", before);
  return params.size ? `${path}?${params}` : path;
}
