import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { sealToken } from "@/lib/x/token-store";

/**
 * Wraps the Prisma adapter so that if next-auth ever links an account itself, its OAuth tokens
 * are encrypted before they reach the database, and id tokens (X sends none) are dropped. X
 * links are normally claimed by our signIn callback (lib/auth/x-sign-in.ts), sealed the same way.
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
