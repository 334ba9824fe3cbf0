/** How long a sign-in link (and its captured copy in the dev mailbox) works. */
export const SIGN_IN_LINK_MINUTES = 20;
export const SIGN_IN_LINK_MAX_AGE_SECONDS = SIGN_IN_LINK_MINUTES * 60;

/** The cookie that tells /signin/check-email which address this browser just asked a link for. */
export const SIGN_IN_EMAIL_COOKIE = "replycart.sign-in-email";
