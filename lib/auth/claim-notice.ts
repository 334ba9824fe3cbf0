// "N items from your replies are now in your cart" is said once, on the page the link lands on.
// The link's callback (app/api/auth/[...nextauth]/route.ts) sets this cookie when pending adds
// landed; /account reads it and has it deleted as soon as it is shown (a server action: a page
// render cannot change cookies). Not a secret: just the count, for the shopper who linked.

export const CLAIM_NOTICE_COOKIE = "replycart.claimed";

/** Long enough to reach /account after X's redirect, short enough not to greet a later visit. */
export const CLAIM_NOTICE_MAX_AGE_SECONDS = 600;

/** Only /account shows it, and the action that deletes it posts there. */
export const CLAIM_NOTICE_PATH = "/account";

export type ClaimNotice = { userId: string; items: number };

const VALUE = /^([A-Za-z0-9_-]{1,64})\.([1-9]\d{0,3})$/;

/** The Set-Cookie header for a claim that put `items` in the cart of shop account `userId`. */
export function claimNoticeCookie({ userId, items }: ClaimNotice, secure: boolean): string {
  return [
    `${CLAIM_NOTICE_COOKIE}=${userId}.${Math.min(items, 9999)}`,
    `Path=${CLAIM_NOTICE_PATH}`,
    `Max-Age=${CLAIM_NOTICE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** How many items to announce to `userId`: 0 without the cookie, or for another account's. */
export function readClaimNotice(value: string | undefined, userId: string): number {
  const match = value ? VALUE.exec(value) : null;
  return match && match[1] === userId ? Number(match[2]) : 0;
}
