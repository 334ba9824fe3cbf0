import { can } from "@/lib/accounts/roles";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ordersCsv } from "@/lib/orders/orders-csv";
import { readOrderListQuery } from "../order-list-query";

/**
 * The filtered order list as a CSV download, streamed a batch of orders at a time. Guarded as
 * the console's pages are: anyone without the orders permission gets a plain 404.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!can(user?.role, "orders")) return new Response("Not found", { status: 404 });
  const { filters } = readOrderListQuery(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  const rows = ordersCsv(filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
