import "server-only";
import type { z } from "zod";
import { can, type ConsoleRole, type Permission } from "@/lib/accounts/roles";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { refuse, type Refusal, type Result } from "@/lib/actions/result";
import type { AuditReceipt } from "@/lib/audit/record-audit";
import { fromShopPage, notFromShop } from "./shop-origin";

/** The refusals runAction makes itself, before `run`. */
export type GuardCode = "signed_out" | "forbidden" | "not_from_shop" | "invalid_input";

type SessionUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** A console user: what a console action's `run` gets, and what it records as the actor. */
export type ConsoleUser = CurrentUser & { role: ConsoleRole };

type BaseGuard<Schema extends z.ZodType> = {
  /** What a visitor whose session has ended is told, in the action's own words. */
  signedOut: string;
  /** What a request without the shop's Origin is told, when the generic words do not fit. */
  notFromShop?: string;
  /** The input's schema; its first issue's message is what the form shows. */
  schema?: Schema;
};

/** A console action's guard (app/admin/console-actions.ts declares each one). */
export type ConsoleGuard = {
  /** What the signed-in user's role must grant (lib/accounts/roles.ts). */
  permission: Permission;
  /** What anyone without it is told: staff, that the owner can; shoppers learn nothing more. */
  forbidden: string;
};

/**
 * What a console action's `run` answers: a refusal, or a success that carries the receipt of
 * the audit event its change wrote (lib/audit/record-audit.ts), so none can forget the record.
 */
export type AuditedResult = Refusal | { ok: true; audit: AuditReceipt };

/**
 * Every server action's checks, in one order: the session (and, in the console, the role's
 * permission), then the Origin (Next refuses a foreign one but lets a missing one through),
 * then the input; only then `run`. Each refusal comes back for the form to show, with nothing
 * changed.
 */
export function runAction<Answer extends Result, Schema extends z.ZodType = z.ZodUnknown>(
  guard: BaseGuard<Schema> & { permission?: never },
  input: unknown,
  run: (user: SessionUser, input: z.infer<Schema>) => Promise<Answer>,
): Promise<Answer | Refusal<GuardCode>>;
export function runAction<Answer extends AuditedResult, Schema extends z.ZodType = z.ZodUnknown>(
  guard: BaseGuard<Schema> & ConsoleGuard,
  input: unknown,
  run: (user: ConsoleUser, input: z.infer<Schema>) => Promise<Answer>,
): Promise<Answer | Refusal<GuardCode>>;
export async function runAction<Schema extends z.ZodType>(
  guard: BaseGuard<Schema> & Partial<ConsoleGuard>,
  input: unknown,
  run: (user: ConsoleUser, input: z.infer<Schema>) => Promise<Result>,
): Promise<Result> {
  const user = await getCurrentUser();
  if (!user) return refuse("signed_out", guard.signedOut);
  if (guard.permission !== undefined && !can(user.role, guard.permission))
    return refuse("forbidden", guard.forbidden ?? "Only the shop's owner can do that.");
  if (!(await fromShopPage())) return refuse("not_from_shop", guard.notFromShop ?? notFromShop());
  // Outside the console `run` takes any signed-in user; the overloads keep the types apart.
  const member = user as ConsoleUser;
  if (!guard.schema) return run(member, input as z.infer<Schema>);
  const parsed = guard.schema.safeParse(input);
  if (!parsed.success)
    return refuse("invalid_input", parsed.error.issues[0]?.message ?? "Check what you entered.");
  return run(member, parsed.data);
}
