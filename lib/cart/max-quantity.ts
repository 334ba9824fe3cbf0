/** The most one cart line holds; a reply's quantity is capped to it too. */
export const MAX_QUANTITY = 10;
