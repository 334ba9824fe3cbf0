import { z } from "zod";
import type { ProductVariant, StockAdjustment } from "@/lib/generated/prisma/client";
import { StockReason } from "@/lib/generated/prisma/enums";
import { refuse, type Refusal } from "@/lib/actions/result";
import { newId } from "@/lib/database/new-id";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

/** Who changes the stock: a staff member, the shopper whose order it is; null for the system. */
export type StockActor = { id: string; email: string | null } | null;

/** How far one adjustment may move a variant's stock, either way. */
export const MAX_STOCK_DELTA = 1_000_000;
const MAX_STOCK = 2_147_483_647;

// Which way each reason moves stock; a correction goes either way.
const ADDS: StockReason[] = ["RECEIVED", "RETURNED", "CANCELLATION"];
const TAKES: StockReason[] = ["DAMAGED", "ORDER"];

const DELTA_MESSAGE = `Enter a whole number from -${MAX_STOCK_DELTA} to ${MAX_STOCK_DELTA}, not 0.`;

export const adjustStockSchema = z
  .object({
    variantId: z
      .string({ error: "That size no longer exists." })
      .regex(/^[a-z0-9]{1,64}$/, "That size no longer exists."),
    // Forms send text: a short string of digits with an optional sign is read as its number.
    delta: z
      .union(
        [
          z.number(),
          z
            .string()
            .trim()
            .regex(/^[+-]?\d{1,7}$/)
            .transform(Number),
        ],
        {
          error: DELTA_MESSAGE,
        },
      )
      .pipe(
        z
          .number()
          .int(DELTA_MESSAGE)
          .min(-MAX_STOCK_DELTA, DELTA_MESSAGE)
          .max(MAX_STOCK_DELTA, DELTA_MESSAGE)
          .refine((delta) => delta !== 0, DELTA_MESSAGE),
      ),
    reason: z.enum(StockReason, { error: "Choose a reason." }),
    note: z
      .string({ error: "The note must be text." })
      .trim()
      .max(500, "Keep the note under 500 characters.")
      .default(""),
    orderId: z
      .string()
      .regex(/^[a-z0-9]{1,64}$/)
      .nullish(),
  })
  .refine((input) => !ADDS.includes(input.reason) || input.delta > 0, {
    message: "Received, returned and cancelled stock is added: enter a positive number.",
  })
  .refine((input) => !TAKES.includes(input.reason) || input.delta < 0, {
    message: "Damaged and ordered stock is taken away: enter a negative number.",
  });

export type AdjustStockInput = z.input<typeof adjustStockSchema>;

export type StockChange = Pick<
  StockAdjustment,
  "id" | "seq" | "variantId" | "productId" | "delta" | "before" | "after" | "reason" | "createdAt"
>;

export type AdjustStockResult =
  | { ok: true; adjustment: StockChange }
  | Refusal<"invalid_input" | "not_found">
  /** `stock`: the variant's stock that stopped it. */
  | (Refusal<"not_enough" | "too_many"> & { stock: number });

// One statement: the update takes the variant's row lock and re-reads the row once a concurrent
// adjustment commits (READ COMMITTED), so none is lost, and the history row is written with the
// stock the update left. Refused (no row) when it would go below 0 or past what an int holds.
const ADJUST = statement<StockChange>(
  `WITH changed AS (
     UPDATE "ProductVariant" SET "stock" = "stock" + $2::int
     WHERE "id" = $1 AND "stock"::bigint + $2::int BETWEEN 0 AND ${MAX_STOCK}
     RETURNING "id", "productId", "stock"
   )
   INSERT INTO "StockAdjustment" ("id", "variantId", "productId", "delta", "before", "after",
     "reason", "note", "actorId", "actorEmail", "orderId", "createdAt")
   SELECT $3, c."id", c."productId", $2::int, c."stock" - $2::int, c."stock",
     $4::"StockReason", $5, $6, $7, $8, now()
   FROM changed c
   RETURNING "id", "seq", "variantId", "productId", "delta", "before", "after", "reason",
     "createdAt"`,
);

const READ_STOCK = statement<Pick<ProductVariant, "stock">>(
  `SELECT "stock" FROM "ProductVariant" WHERE "id" = $1`,
);

/**
 * Moves a variant's stock by `delta` and records it in its history (who, when, before, after,
 * why, which order), in one statement: two staff adjusting one variant at once both count. A
 * change that would take the stock below 0 is refused and changes nothing. The only way stock
 * changes: checkout's decrement goes through here too.
 */
export async function adjustStock(
  sql: Sql,
  request: AdjustStockInput & { actor: StockActor },
): Promise<AdjustStockResult> {
  const parsed = adjustStockSchema.safeParse(request);
  if (!parsed.success)
    return refuse("invalid_input", parsed.error.issues[0]?.message ?? "Check the adjustment.");
  const { variantId, delta, reason, note, orderId } = parsed.data;
  const { actor } = request;
  const [adjustment] = await sql.query(ADJUST, [
    variantId,
    delta,
    newId(),
    reason,
    note,
    actor?.id ?? null,
    actor?.email ?? null,
    orderId ?? null,
  ]);
  if (adjustment) return { ok: true, adjustment };

  // Refused: read what stopped it (after the update's wait, so it is the stock that did).
  const [variant] = await sql.query(READ_STOCK, [variantId]);
  if (!variant) return refuse("not_found", "That size no longer exists.");
  if (variant.stock + delta < 0)
    return refuse("not_enough", `Only ${variant.stock} in stock: it cannot go down by ${-delta}.`, {
      stock: variant.stock,
    });
  return refuse("too_many", "That is more stock than the shop can count.", {
    stock: variant.stock,
  });
}
