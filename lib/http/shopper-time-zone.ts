import { cookies } from "next/headers";
import { shopperTimeZone, TIME_ZONE_COOKIE } from "@/lib/format/date-time";

/** The time zone this request's browser reported (validated), or UTC before it has. */
export async function getShopperTimeZone(): Promise<string> {
  return shopperTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
