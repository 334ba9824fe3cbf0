import { ApiResponseError, type TwitterApiReadWrite } from "twitter-api-v2";
import { db as appDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { X_REQUEST_TIMEOUT_MS, xOAuthClient, xUserClient } from "@/lib/x/client";
import {
  classifyRefreshFailure,
  NO_REFRESH_TOKEN,
  type RefreshFailure,
} from "@/lib/x/refresh-failure";
import { openToken, sealToken } from "@/lib/x/token-store";

// A token this close to its expiry is refreshed before use, so a call never starts with a token
// that dies on the way.
const EXPIRY_MARGIN_SECONDS = 60;
// The X call inside gives up after X_REQUEST_TIMEOUT_MS, well within the transaction's limit, so
// a slow X cannot make Prisma roll back a refresh that X has already carried out.
const REFRESH_TRANSACTION = { maxWait: 15_000, timeout: 3 * X_REQUEST_TIMEOUT_MS };

/**
 * No token for the account. `reconnect` is false when X could not refresh it just now (an
 * outage): the account stays usable and the next use tries again.
 */
export class XTokenError extends Error {
  constructor(
    message: string,
    readonly accountId: string,
    readonly reconnect = true,
  ) {
    super(message);
    this.name = "XTokenError";
  }
}

type RefreshOutcome = { token: string } | RefreshFailure;
type TokenRow = { access_token: string | null; expires_at: number | null };

function usable(row: TokenRow, staleToken?: string): string | null {
  const token = openToken(row.access_token);
  if (!token || token === staleToken) return null;
  const expiresAt = row.expires_at ?? 0;
  return expiresAt - EXPIRY_MARGIN_SECONDS > Date.now() / 1000 ? token : null;
}

/**
 * A valid access token for one linked X account (shopper or brand), refreshed when it has
 * expired. X's refresh tokens rotate and are single use, so only one caller per account may
 * refresh: callers queue on the account's row lock, and whoever comes after the refresh reads
 * the new token instead of spending the old refresh token again. `staleToken` forces a refresh
 * when X rejected that token before its expiry.
 */
export async function accessTokenFor(
  accountId: string,
  { db = appDb, staleToken }: { db?: PrismaClient; staleToken?: string } = {},
): Promise<string> {
  const row = await db.account.findUnique({
    where: { id: accountId },
    select: { access_token: true, expires_at: true },
  });
  if (!row) throw new XTokenError("This X account is no longer linked.", accountId);
  return usable(row, staleToken) ?? refreshShared(db, accountId, staleToken);
}

// Per database client (one per process), the refresh under way for each account.
const refreshing = new WeakMap<PrismaClient, Map<string, Promise<string>>>();

/**
 * Callers in one process share one refresh, so only one of them holds a pooled connection while
 * it waits on the row lock; other processes meet it there.
 */
function refreshShared(db: PrismaClient, accountId: string, staleToken: string | undefined) {
  let pending = refreshing.get(db);
  if (!pending) refreshing.set(db, (pending = new Map()));
  let refresh = pending.get(accountId);
  if (!refresh) {
    refresh = refreshSerialized(db, accountId, staleToken).finally(() => pending.delete(accountId));
    pending.set(accountId, refresh);
  }
  return refresh;
}

async function refreshSerialized(
  db: PrismaClient,
  accountId: string,
  staleToken: string | undefined,
): Promise<string> {
  const outcome = await db.$transaction(async (tx): Promise<RefreshOutcome> => {
    const [locked] = await tx.$queryRaw<(TokenRow & { refresh_token: string | null })[]>`
      SELECT access_token, refresh_token, expires_at FROM "Account"
      WHERE id = ${accountId} FOR UPDATE`;
    if (!locked) return { reconnect: true, message: "This X account is no longer linked." };
    const current = usable(locked, staleToken);
    if (current) return { token: current };

    const refreshToken = openToken(locked.refresh_token);
    const fresh = refreshToken
      ? await xOAuthClient().refreshOAuth2Token(refreshToken).catch(classifyRefreshFailure)
      : NO_REFRESH_TOKEN;
    if ("reconnect" in fresh) {
      // Only a refusal stops the account's use (the outbox and product posts skip it).
      if (fresh.reconnect)
        await tx.account.update({ where: { id: accountId }, data: { tokenError: fresh.message } });
      return fresh;
    }
    await tx.account.update({
      where: { id: accountId },
      data: {
        access_token: sealToken(fresh.accessToken),
        // X rotates refresh tokens; keep the old one only if it sent none.
        refresh_token: sealToken(fresh.refreshToken ?? refreshToken),
        expires_at: Math.floor(Date.now() / 1000) + fresh.expiresIn,
        scope: fresh.scope.join(" ") || undefined,
        tokenRefreshedAt: new Date(),
        tokenError: null,
      },
    });
    return { token: fresh.accessToken };
  }, REFRESH_TRANSACTION);
  if ("token" in outcome) return outcome.token;
  throw new XTokenError(outcome.message, accountId, outcome.reconnect);
}

/**
 * Runs `call` with a client acting for the account, refreshing the token first if needed, and
 * once more if X rejects a token we believed valid (revoked early, or rotated elsewhere).
 */
export async function withXAccount<T>(
  accountId: string,
  call: (client: TwitterApiReadWrite) => Promise<T>,
  options: { db?: PrismaClient } = {},
): Promise<T> {
  const token = await accessTokenFor(accountId, options);
  try {
    return await call(xUserClient(token));
  } catch (failure) {
    if (!(failure instanceof ApiResponseError) || failure.code !== 401) throw failure;
    const fresh = await accessTokenFor(accountId, { ...options, staleToken: token });
    return call(xUserClient(fresh));
  }
}
