"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/format/date-time";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Tells the server the browser's time zone, so that pages rendered from then on show times in
 * it (lib/format/date-time.ts). Writes the cookie only when it is missing or the zone changed
 * (a laptop that travelled); the page already shown keeps its UTC times.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((cookie) => cookie.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current === zone) return;
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`;
  }, []);
  return null;
}
