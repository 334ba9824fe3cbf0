import { z } from "zod";
import { MAX_QUANTITY } from "./max-quantity";

const QUANTITY_MESSAGE = `Choose a quantity from 1 to ${MAX_QUANTITY}.`;

/** A cart line's id: Prisma's cuids, so anything long or odd is no line and never a query. */
export const cartLineIdSchema = z
  .string({ error: "That line is no longer in your cart." })
  .min(1, "That line is no longer in your cart.")
  .max(64, "That line is no longer in your cart.")
  .regex(/^[a-z0-9]+$/, "That line is no longer in your cart.");

/**
 * How many of a product one line holds: a whole number from 1 to 10. Forms send text, so a short
 * string of digits is read as its number; "2.5", "abc", "" and 1,000-digit strings are refused.
 */
export const cartQuantitySchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d{1,3}$/)
        .transform(Number),
    ],
    { error: QUANTITY_MESSAGE },
  )
  .pipe(
    z.number().int(QUANTITY_MESSAGE).min(1, QUANTITY_MESSAGE).max(MAX_QUANTITY, QUANTITY_MESSAGE),
  );

/** The first message of a failed parse, for `{ error }` results. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Something in that request was not right.";
}
