import type { Marketplace, PrismaClient } from "@/lib/generated/prisma/client";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

type SalesRow = Pick<Marketplace, "id" | "code" | "name" | "currency"> & {
  todayOrders: number;
  todayRevenueMinor: bigint;
  weekOrders: number;
  weekRevenueMinor: bigint;
};

// The day and the week (from Monday: date_trunc's ISO week) are those of the wall clock in $2,
// turned back into instants, so a store's "today" follows its zone across daylight saving.
// Cancelled orders count neither as orders nor as revenue. Every store has a row, sold or not.
const STORE_SALES = statement<SalesRow>(
  `WITH bounds AS (
     SELECT date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS day_start,
            date_trunc('week', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS week_start
   )
   SELECT m.id, m.code, m.name, m.currency,
          count(o.id) FILTER (WHERE o."createdAt" >= b.day_start)::int AS "todayOrders",
          coalesce(sum(o."totalMinor") FILTER (WHERE o."createdAt" >= b.day_start), 0)::int8
            AS "todayRevenueMinor",
          count(o.id)::int AS "weekOrders",
          coalesce(sum(o."totalMinor"), 0)::int8 AS "weekRevenueMinor"
   FROM "Marketplace" m
   CROSS JOIN bounds b
   LEFT JOIN "Order" o ON o."marketplaceId" = m.id
     AND o.status <> 'CANCELLED'
     AND o."createdAt" >= b.week_start AND o."createdAt" <= $1::timestamptz
   GROUP BY m.id, m.code, m.name, m.currency
   ORDER BY m.name`,
);

export type SalesPeriod = { orders: number; revenueMinor: number };

export type StoreSales = Pick<Marketplace, "id" | "code" | "name" | "currency"> & {
  today: SalesPeriod;
  week: SalesPeriod;
};

/** An IANA zone name Postgres and Intl both know ("UTC", "Europe/London"), or a RangeError. */
export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new RangeError(`"${timeZone}" is not a time zone (try "UTC" or "Europe/London")`);
  }
  return timeZone;
}

/**
 * Each store's orders and revenue (in its own currency, minor units) today and this week up to
 * `now`, days and weeks as the clock in `timeZone` reads them.
 */
export async function getStoreSales(
  db: PrismaClient,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<StoreSales[]> {
  const rows = await prismaSql(db).query(STORE_SALES, [now, checkTimeZone(timeZone)]);
  return rows.map(({ todayOrders, todayRevenueMinor, weekOrders, weekRevenueMinor, ...store }) => ({
    ...store,
    today: { orders: todayOrders, revenueMinor: Number(todayRevenueMinor) },
    week: { orders: weekOrders, revenueMinor: Number(weekRevenueMinor) },
  }));
}
