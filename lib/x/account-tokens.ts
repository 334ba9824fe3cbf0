import { ApiResponseError, type TwitterApiReadWrite } from "twitter-api-v2";
import { db as appDb } from "@/lib/database/db";
import type { Account, PrismaClient } from "@/lib/generated/prisma/client";
import { X_REQUEST_TIMEOUT_MS, xOAuthClient, xUserClient } from "@/lib/x/client";
import {
  classifyRefreshFailure,
  NO_REFRESH_TOKEN,
  type RefreshFailure,
} from "@/lib/x/refresh-failure";
import { keepRotatedTokens, type RotatedTokens } from "@/lib/x/keep-rotated-tokens";
import { openToken, sealToken } from "@/lib/x/token-store";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

// A token this close to its expiry is refreshed before use, so a call never starts with a token
// that dies on the way.
const EXPIRY_MARGIN_SECONDS = 60;
// The X call inside gives up after X_REQUEST_TIMEOUT_MS, well within the transaction's limit, so
// a slow X rarely makes Prisma roll back a refresh that X has already carried out (and if it
// does, keepRotatedTokens stores X's answer).
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
type TokenRow = Pick<Account, "access_token" | "expires_at">;

const LOCK_TOKENS = statement<TokenRow & Pick<Account, "refresh_token">>(
  `SELECT access_token, refresh_token, expires_at FROM "Account" WHERE id = $1 FOR UPDATE`,
);

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
  // X's answer, kept outside the transaction: once X has rotated the refresh token, a failed
  // commit must not lose the only one that still works.
  const rotation: { tokens?: RotatedTokens } = {};
  let outcome: RefreshOutcome;
  try {
    outcome = await refreshLocked(db, accountId, staleToken, rotation);
  } catch (failure) {
    const rotated = rotation.tokens;
    if (!rotated || !(await keepRotatedTokens(db, accountId, rotated))) throw failure;
    outcome = { token: rotated.accessToken };
  }
  if ("token" in outcome) return outcome.token;
  throw new XTokenError(outcome.message, accountId, outcome.reconnect);
}

/** The refresh itself, holding the account's row lock from the read to the commit. */
function refreshLocked(
  db: PrismaClient,
  accountId: string,
  staleToken: string | undefined,
  rotation: { tokens?: RotatedTokens },
) {
  return db.$transaction(async (tx): Promise<RefreshOutcome> => {
    const [locked] = await prismaSql(tx).query(LOCK_TOKENS, [accountId]);
    if (!locked) return { reconnect: true, message: "This X account is no longer linked." };
    const current = usable(locked, staleToken);
    if (current) return { token: current };

    // Only a refusal stops the account's use (the outbox and product posts skip it).
    const failed = async (failure: RefreshFailure) => {
      if (failure.reconnect)
        await tx.account.update({
          where: { id: accountId },
          data: { tokenError: failure.message },
        });
      return failure;
    };
    const spent = locked.refresh_token;
    const refreshToken = openToken(spent);
    if (!spent || !refreshToken) return failed(NO_REFRESH_TOKEN);
    const fresh = await xOAuthClient()
      .refreshOAuth2Token(refreshToken)
      .catch(classifyRefreshFailure);
    if ("reconnect" in fresh) return failed(fresh);

    // X rotates refresh tokens; keep the old one only if it sent none.
    const refreshed = fresh.refreshToken ?? refreshToken;
    rotation.tokens = {
      spent,
      accessToken: fresh.accessToken,
      refreshToken: refreshed,
      columns: {
        access_token: sealToken(fresh.accessToken),
        refresh_token: sealToken(refreshed),
        expires_at: Math.floor(Date.now() / 1000) + fresh.expiresIn,
        scope: fresh.scope.join(" ") || undefined,
        tokenRefreshedAt: new Date(),
        tokenError: null,
      },
    };
    await tx.account.update({ where: { id: accountId }, data: rotation.tokens.columns });
    return { token: fresh.accessToken };
  }, REFRESH_TRANSACTION);
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
