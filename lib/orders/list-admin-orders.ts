import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { db as appDb } from "@/lib/database/db";
import { olderThan } from "./list-orders";

export const ADMIN_ORDERS_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/**
 * The console's order filters as the URL carries them. Each is dropped, not refused, when it
 * does not parse: a hand-edited link shows more orders rather than an error.
 */
export const adminOrderFiltersSchema = z.object({
  store: z.enum(["US", "UK"]).optional().catch(undefined),
  status: z.enum(OrderStatus).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});

export type AdminOrderFilters = Partial<z.infer<typeof adminOrderFiltersSchema>>;

/** Where an order's lines came from: replies on X, the website, or some of each. */
export type OrderChannel = "reply" | "website" | "both";

export const CHANNEL_LABELS: Record<OrderChannel, string> = {
  reply: "Reply",
  website: "Website",
  both: "Reply + website",
};

/**
 * The orders `filters` select. Dates are whole days in UTC (from 00:00 of `from` to the end of
 * `to`). The search matches an order number (#ABCD1234, the id's end), a shopper's email or
 * X handle (@name), each as a whole, case aside, except the email, which may be a part.
 */
export function adminOrderWhere(filters: AdminOrderFilters): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [];
  if (filters.store) and.push({ marketplace: { code: filters.store } });
  if (filters.status) and.push({ status: filters.status });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    and.push({ createdAt: { lt: end } });
  }
  if (filters.q) {
    const q = filters.q;
    const number = q.replace(/^#/, "");
    const handle = q.replace(/^@/, "");
    and.push({
      OR: [
        ...(/^[A-Za-z0-9]{4,32}$/.test(number) ? [{ id: { endsWith: number.toLowerCase() } }] : []),
        // Prisma passes LIKE's wildcards through: escaped, a search for "%" is for that sign.
        { user: { email: { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } } },
        ...(/^\w{1,15}$/.test(handle)
          ? [
              {
                user: {
                  accounts: {
                    some: { username: { equals: handle, mode: "insensitive" as const } },
                  },
                },
              },
            ]
          : []),
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

/** One page of the console's orders, newest first; `before` is the previous page's last. */
export async function listAdminOrders(
  filters: AdminOrderFilters & { before?: string },
  { pageSize = ADMIN_ORDERS_PAGE_SIZE, db = appDb }: { pageSize?: number; db?: PrismaClient } = {},
) {
  const where = adminOrderWhere(filters);
  const older = await olderThan(db, filters.before, where);
  if (!older) return { found: false as const };
  const rows = await db.order.findMany({
    where: { AND: [where, older] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: ADMIN_ORDER_ROW,
  });
  const orders = rows.slice(0, pageSize).map(adminOrderRow);
  return {
    found: true as const,
    orders,
    olderCursor: rows.length > pageSize ? orders.at(-1)!.id : null,
  };
}

export const ADMIN_ORDER_ROW = {
  id: true,
  createdAt: true,
  status: true,
  currency: true,
  totalMinor: true,
  carrier: true,
  trackingNumber: true,
  marketplace: { select: { code: true } },
  user: {
    select: {
      email: true,
      name: true,
      accounts: { where: { username: { not: null } }, select: { username: true }, take: 1 },
    },
  },
  items: { select: { quantity: true, _count: { select: { sources: true } } } },
} satisfies Prisma.OrderSelect;

type AdminOrderRowData = Prisma.OrderGetPayload<{ select: typeof ADMIN_ORDER_ROW }>;

/** A list row: the customer by email, else X handle, and where the order's lines came from. */
export function adminOrderRow({ items, user, marketplace, ...order }: AdminOrderRowData) {
  const handle = user.accounts[0]?.username ?? null;
  const fromReplies = items.filter((item) => item._count.sources > 0).length;
  const channel: OrderChannel =
    fromReplies === 0 ? "website" : fromReplies === items.length ? "reply" : "both";
  return {
    ...order,
    store: marketplace.code,
    email: user.email,
    xHandle: handle,
    customer: user.email ?? (handle ? `@${handle}` : (user.name ?? "Unknown shopper")),
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    channel,
  };
}

export type AdminOrderRow = ReturnType<typeof adminOrderRow>;
