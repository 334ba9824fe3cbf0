import { z } from "zod";

// RFC 5321 caps a forward path at 256 octets, so an address fits in 254 characters.
const addressSchema = z
  .string({ error: "Enter your email address." })
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like you@example.com."));

/**
 * The address a sign-in link is for: NFKC, trimmed, lower-cased, at most 254 characters. It is
 * next-auth's `normalizeIdentifier` too, so the address our limits count is the one it mails.
 */
export const signInEmailSchema = z
  .string({ error: "Enter your email address." })
  .transform((value) => value.normalize("NFKC").trim().toLowerCase())
  .pipe(addressSchema);

/** For next-auth's email provider: throws on anything that is not one plain address. */
export function normalizeSignInEmail(identifier: string): string {
  return signInEmailSchema.parse(identifier);
}

/** The form next-auth's route reads, parsed as it parses it: JSON, or a urlencoded form where
 * the last of a repeated field wins (next-auth/next/utils.js getBody). Reading it any other
 * way would let a request show our guard one address and next-auth another. */
export async function readAuthForm(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
    }
    if (type.includes("application/x-www-form-urlencoded"))
      return Object.fromEntries(new URLSearchParams(await request.clone().text()));
  } catch {
    // Unreadable: next-auth finds no address either and refuses.
  }
  return {};
}
