import { readQuantity } from "./read-quantity";
import { readSizeRequest, SIZE_MARK, type SizeRequest } from "./read-size-request";

export type QuantityAndSize = { quantity: number; size: SizeRequest };

// Read as no words at all: links (a t.co alias is letters and digits), @handles and hashtags
// with digits (#black2026), whose digits are never a quantity and whose letters never a size.
const NOT_WORDS = /(?:https?:\/\/|www\.)\S+|@\w+|#[\p{L}\p{N}_]*\p{N}[\p{L}\p{N}_]*/gu;

/**
 * The quantity a reply asks for (1 when it names none, always within 1-10) and what it says about
 * sizes, for resolveSize to hold against the product's variants once the product is known.
 * Full-width digits and letters count (NFKC). Typos are not corrected ("sise M" names no size):
 * the bot asks which size rather than guess.
 */
export function parseQuantityAndSize(text: string): QuantityAndSize {
  // A SIZE_MARK written in the reply itself would pass for a size read.
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replaceAll(SIZE_MARK, "")
    .replace(NOT_WORDS, " ");
  const { request, rest } = readSizeRequest(folded);
  return { quantity: readQuantity(rest), size: request };
}
