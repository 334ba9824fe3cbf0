import type { SizeRequest } from "./read-size-request";
import { sizeKey } from "./size-key";
import { splitWords } from "./split-words";

/**
 * The size a reply chose, in the product's own spelling, or null when the product has no
 * sizes; else why the bot must ask: `which` (none named, or several), `unknown` (one the
 * product lacks), `question` (the reply asks about sizes rather than choosing one).
 */
export type ResolvedSize = { size: string | null } | { ask: "which" | "unknown" | "question" };

// A variant named only after "size": a lone letter ("S", "M") or a number ("42", "10.5").
const LONE = /^(?:\p{L}|[\d.,]+)$/u;

/**
 * A reply's size request held against its product's variants. A variant is found by its size
 * ("extra large" finds "XL" or "X-Large"), or by its own name written bare ("navy"), except a
 * lone letter or a number, which are ordinary words or a quantity unless "size" comes first.
 */
export function resolveSize(request: SizeRequest, variants: string[]): ResolvedSize {
  if (!variants.length) return { size: null };
  const known = variants.map((variant) => {
    const words = splitWords(variant);
    return { variant, key: sizeKey(variant), words, bare: !LONE.test(words.join(" ")) };
  });
  // In a question any variant counts, even "M" or "42": it is only asked about, never added.
  const { asked, chosen } = request;
  if (
    request.asksAboutSizes ||
    asked.sizes.length ||
    known.some(({ words }) => includesRun(asked.words, words))
  )
    return { ask: "question" };

  const found = new Set<string>();
  const lacking = new Set<string>();
  for (const size of chosen.sizes) {
    const matches = known.filter(({ key }) => key === size);
    if (!matches.length) lacking.add(size);
    for (const { variant } of matches) found.add(variant);
  }
  for (const { variant, words, bare } of known)
    if (bare && includesRun(chosen.words, words)) found.add(variant);

  if (found.size + lacking.size > 1) return { ask: "which" };
  if (lacking.size) return { ask: "unknown" };
  const [size] = found;
  return size === undefined ? { ask: "which" } : { size };
}

/** Whether `words` holds `run`, in order and next to each other. */
function includesRun(words: string[], run: string[]): boolean {
  if (!run.length) return false;
  for (let at = 0; at + run.length <= words.length; at++)
    if (run.every((word, i) => words[at + i] === word)) return true;
  return false;
}
