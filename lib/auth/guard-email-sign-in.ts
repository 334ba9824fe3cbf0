import { purgeExpiredSignIns } from "@/lib/auth/purge-expired-sign-ins";
import { signInEmailSchema } from "@/lib/auth/sign-in-email";
import { consumeSignInLimits } from "@/lib/auth/sign-in-limits";

export type EmailSignInVerdict =
  | { ok: true; email: string }
  | { ok: false; status: 400; code: "InvalidEmail"; message: string }
  | { ok: false; status: 403; code: "CsrfFailed"; message: string }
  | {
      ok: false;
      status: 429;
      code: "EmailRateLimited";
      message: string;
      retryAfterSeconds: number;
    };

/**
 * Runs before next-auth handles a request for a sign-in email: a malformed address or a failed
 * CSRF check changes nothing, a client or address over its limit gets no email, and expired
 * links are cleared out so the tables stay as small as the limits allow. `email` must be read
 * from the request as next-auth reads it (readAuthForm).
 */
export async function guardEmailSignIn(
  input: { email: unknown; csrfVerified: boolean; clientIp: string },
  consume = consumeSignInLimits,
): Promise<EmailSignInVerdict> {
  const parsed = signInEmailSchema.safeParse(input.email);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      code: "InvalidEmail",
      message: parsed.error.issues[0]?.message ?? "Enter a valid email address.",
    };
  if (!input.csrfVerified)
    return {
      ok: false,
      status: 403,
      code: "CsrfFailed",
      message: "The sign-in form expired. Reload the page and try again.",
    };
  const verdict = await consume({ email: parsed.data, clientIp: input.clientIp });
  if (!verdict.allowed)
    return {
      ok: false,
      status: 429,
      code: "EmailRateLimited",
      message: "Too many sign-in emails were asked for. Use a link already sent, or try later.",
      retryAfterSeconds: verdict.retryAfterSeconds,
    };
  await purgeExpiredSignIns();
  return { ok: true, email: parsed.data };
}
