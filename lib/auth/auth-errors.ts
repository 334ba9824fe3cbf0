import { textFor } from "@/lib/format/lookup";

// next-auth's error codes (and ours) in words a shopper can act on.
const MESSAGES: Record<string, string> = {
  XNotLinked:
    "That X account isn't linked to a shop account yet. Sign in with your email, then link X from your account page.",
  XAccountTaken: "That X account is already linked to another shop account. Nothing was changed.",
  XAlreadyLinked:
    "Your shop account already has an X account linked. Unlink it first to link a different one.",
  XIsBrand:
    "That X account is the shop's own account, so it can't be linked to a shopper. Nothing was changed. Link X again and pick your personal X account.",
  OAuthAccountNotLinked:
    "That X account is already linked to another shop account. Nothing was changed.",
  OAuthCallback:
    "X didn't complete the connection (it may have been cancelled). Nothing was linked.",
  OAuthSignin: "We couldn't reach X to start the connection. Please try again.",
  AccessDenied: "Access was denied. Nothing was linked.",
  // next-auth reports X's access_denied (Cancel on the consent page) as a generic callback error.
  Callback:
    "The connection with X didn't complete (it may have been cancelled on X). Nothing was linked.",
  BrandScopes:
    "X granted fewer permissions than the brand account needs (read and write posts, read users, stay connected). Connect again and allow them all.",
  BrandIsShopper:
    "That X account is linked to a shopper's account, so it can't be the shop's brand account. Nothing was changed. Sign in to X as the shop's own account and connect again, or unlink it from that shop account first.",
  BrandConnectFailed: "X did not return a usable token for the brand account. Please try again.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  EmailSignin: "We couldn't send the sign-in email. Please try again.",
};

export function authErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return textFor(MESSAGES, code) ?? "Something went wrong while signing in. Please try again.";
}
