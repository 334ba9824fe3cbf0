import "server-only";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { refuse, type Refusal, type Result } from "@/lib/actions/result";
import { fromShopPage, notFromShop } from "./shop-origin";

/** The refusals runAction makes itself, before `run`. */
export type GuardCode = "signed_out" | "forbidden" | "not_from_shop" | "invalid_input";

type SessionUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

type Guard<Schema extends z.ZodType> = {
  /** What a visitor whose session has ended is told, in the action's own words. */
  signedOut: string;
  /** For the console: what a signed-in non-admin is told. Unset: any signed-in shopper. */
  adminOnly?: string;
  /** What a request without the shop's Origin is told, when the generic words do not fit. */
  notFromShop?: string;
  /** The input's schema; its first issue's message is what the form shows. */
  schema?: Schema;
};

/**
 * Every server action's checks, in one order: the session (and the admin role, in the
 * console), then the Origin (Next refuses a foreign one but lets a missing one through), then
 * the input; only then `run`. Each refusal comes back for the form to show, with nothing changed.
 */
export async function runAction<Answer extends Result, Schema extends z.ZodType = z.ZodUnknown>(
  guard: Guard<Schema>,
  input: unknown,
  run: (user: SessionUser, input: z.infer<Schema>) => Promise<Answer>,
): Promise<Answer | Refusal<GuardCode>> {
  const user = await getCurrentUser();
  if (!user) return refuse("signed_out", guard.signedOut);
  if (guard.adminOnly !== undefined && user.role !== "ADMIN")
    return refuse("forbidden", guard.adminOnly);
  if (!(await fromShopPage())) return refuse("not_from_shop", guard.notFromShop ?? notFromShop());
  if (!guard.schema) return run(user, input as z.infer<Schema>);
  const parsed = guard.schema.safeParse(input);
  if (!parsed.success)
    return refuse("invalid_input", parsed.error.issues[0]?.message ?? "Check what you entered.");
  return run(user, parsed.data);
}
