import { timeLabel } from "@/lib/format/date-time";
import { getShopperTimeZone } from "@/lib/http/shopper-time-zone";

/**
 * A date as every page shows it ("7 Dec 2026, 14:05 GMT", or the day alone), in the shopper's
 * time zone, with the exact moment in its title. A server component: it reads the zone cookie.
 */
export async function LocalTime({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  const { iso, text, title } = timeLabel(date, await getShopperTimeZone(), { dateOnly });
  return (
    <time dateTime={iso} title={title}>
      {text}
    </time>
  );
}
