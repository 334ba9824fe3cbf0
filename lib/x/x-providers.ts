// The two ways we hold X tokens, as next-auth provider ids (also the OAuth callback paths
// /api/auth/callback/<id> registered at X).

/** Shoppers: "Sign in with X" and linking from /account. Reads only. */
export const X_PROVIDER_ID = "twitter";
export const SHOPPER_X_SCOPES = "tweet.read users.read offline.access";

/** The shop's own brand account, connected by an admin: it posts the bot's replies. */
export const BRAND_PROVIDER_ID = "x-brand";
export const BRAND_X_SCOPES = "tweet.read tweet.write users.read offline.access";
