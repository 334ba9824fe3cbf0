import { LocalTime } from "@/components/ui/local-time";
import type { AdminOrder } from "@/lib/orders/get-admin-order";

type Event = AdminOrder["events"][number];

const text = (data: unknown, key: string): string | null => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === "string" && value ? value : null;
};

function describe(event: Event): string {
  switch (event.kind) {
    case "PLACED":
      return "Order placed";
    case "EMAIL_SENT":
      return "Confirmation email sent";
    case "SHIPPED": {
      const carrier = text(event.data, "carrier");
      const tracking = text(event.data, "trackingNumber");
      return ["Shipped", carrier && `by ${carrier}`, tracking && `, tracking number ${tracking}`]
        .filter(Boolean)
        .join(" ")
        .replace(" ,", ",");
    }
    case "DELIVERED":
      return "Delivered";
    case "CANCELLED":
      return `Cancelled: ${text(event.data, "reason") ?? "no reason given"}`;
    case "NOTE":
      return `Note: ${text(event.data, "text") ?? ""}`;
  }
}

/** Everything that happened to an order, oldest first, with who did it. */
export function OrderTimeline({ events }: { events: Event[] }) {
  return (
    <ol className="flex flex-col gap-3 text-sm" data-testid="order-timeline">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-slate-200 pl-3">
          <p className="break-words text-slate-900">{describe(event)}</p>
          <p className="text-slate-600">
            <LocalTime date={event.createdAt} />
            {event.actorEmail && <> · by {event.actorEmail}</>}
            {event.emailSentAt && (
              <>
                {" "}
                · shopper emailed <LocalTime date={event.emailSentAt} />
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
