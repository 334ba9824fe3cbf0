import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { isShopOrigin } from "@/lib/security/check-origin";

/**
 * Whether this server action request came from the shop's own pages. Next compares Origin with
 * Host but lets a request without Origin through; state changes need the shop's exact origin.
 */
export async function fromShopPage(): Promise<boolean> {
  return isShopOrigin((await headers()).get("origin"), getEnv().APP_URL);
}

export const notFromShop = () =>
  `This change did not come from the shop's own page, so nothing changed. Open the shop at ${getEnv().APP_URL} and try again.`;
