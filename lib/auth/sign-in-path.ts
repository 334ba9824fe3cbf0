/** The sign-in page, coming back to `callbackPath` (a path on this site, query and all) after. */
export const signInPath = (callbackPath: string) =>
  `/signin?${new URLSearchParams({ callbackUrl: callbackPath })}`;
