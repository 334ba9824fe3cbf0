import { z } from "zod";
import { purgeExpiredSignIns } from "@/lib/auth/purge-expired-sign-ins";
import { consumeSignInLimits } from "@/lib/auth/sign-in-limits";

// RFC 5321 caps a forward path at 256 octets, so an address fits in 254 characters.
export const signInEmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like you@example.com."));

export type EmailSignInVerdict =
  | { ok: true; email: string }
  | { ok: false; status: 400; code: "InvalidEmail"; message: string }
  | {
      ok: false;
      status: 429;
      code: "EmailRateLimited";
      message: string;
      retryAfterSeconds: number;
    };

/**
 * Runs before next-auth handles a request for a sign-in email: a malformed address changes
 * nothing, an address or client over its limit gets no email, and expired links are cleared out
 * so the tables stay as small as the limits allow.
 */
export async function guardEmailSignIn(
  input: { email: unknown; clientIp: string },
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
