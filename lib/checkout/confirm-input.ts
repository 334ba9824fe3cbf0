import { z } from "zod";

const parseJson = (value: unknown) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/** The confirm request: the review it confirms (sent as JSON by the form) and the address. */
export const confirmCheckoutSchema = z.object({
  marketplace: z.string().max(8),
  // Generated for each review the shop renders; a retry of the same confirmation repeats it.
  idempotencyKey: z.uuid(),
  reviewed: z.preprocess(
    parseJson,
    z
      .array(
        z.object({
          lineId: z.string().min(1).max(64),
          productId: z.string().min(1).max(64),
          quantity: z.int().min(1).max(10),
          unitPriceMinor: z.int().min(0).max(100_000_000),
        }),
      )
      .min(1)
      .max(100)
      .refine((lines) => new Set(lines.map((line) => line.lineId)).size === lines.length),
  ),
});
