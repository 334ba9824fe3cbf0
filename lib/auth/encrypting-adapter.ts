import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { sealToken } from "@/lib/x/token-store";

/**
 * Wraps the Prisma adapter so OAuth tokens are encrypted before they reach the database, and
 * tokens X does not need stored (id tokens) are dropped.
 */
export function withEncryptedTokens(adapter: Adapter): Adapter {
  return {
    ...adapter,
    linkAccount: (account: AdapterAccount) =>
      adapter.linkAccount!({
        ...account,
        access_token: sealToken(account.access_token) ?? undefined,
        refresh_token: sealToken(account.refresh_token) ?? undefined,
        id_token: undefined,
      }),
  };
}
