import type { Account } from "@/lib/generated/prisma/client";
import { xOAuthClient } from "@/lib/x/client";
import { describeXFailure } from "@/lib/x/describe-x-failure";
import { openToken } from "@/lib/x/token-store";
import { createLogger } from "@/lib/log/logger";

const log = createLogger("x");

export type SealedTokens = Pick<Account, "access_token" | "refresh_token">;
export type PlainTokens = { accessToken?: string | null; refreshToken?: string | null };

/**
 * Revokes a grant's tokens at X (RFC 7009), best effort: both at once, so a silent X costs one
 * request timeout, not two. Returns false when X did not confirm it, after logging one line
 * (with `context`, never a token) so an operator can see grants left alive at X.
 */
export async function revokeTokensAtX(tokens: PlainTokens, context: string): Promise<boolean> {
  const client = xOAuthClient();
  const pending = [
    [tokens.refreshToken, "refresh_token"],
    [tokens.accessToken, "access_token"],
  ] as const;
  const outcomes = await Promise.allSettled(
    pending
      .filter(([token]) => token)
      .map(([token, hint]) => client.revokeOAuth2Token(token!, hint)),
  );
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (!failed) return true;
  log.warn(`revoking ${context} at X failed (${describeXFailure(failed.reason)})`);
  return false;
}

/**
 * Revokes an account's stored tokens at X, best effort. Returns false when X could not confirm
 * it (or a token no longer decrypts), so the caller can tell the user.
 */
export async function revokeAtX(sealed: SealedTokens, context = "tokens"): Promise<boolean> {
  let tokens: PlainTokens;
  try {
    tokens = {
      accessToken: openToken(sealed.access_token),
      refreshToken: openToken(sealed.refresh_token),
    };
  } catch {
    log.warn(`revoking ${context} at X failed (they no longer decrypt)`);
    return false;
  }
  return revokeTokensAtX(tokens, context);
}
