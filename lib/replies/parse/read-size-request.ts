import { sizeKey } from "./size-key";
import { splitWords } from "./split-words";

/** What a reply says about sizes, read before its product is known; see resolveSize. */
export type SizeRequest = {
  /** What its statements name: the size chosen. */
  chosen: SizeMentions;
  /** What its questions name ("does it come in XL?"): asked about, never chosen. */
  asked: SizeMentions;
  /** It asks about the sizes themselves: "what sizes…", "does it run small?", "size chart?". */
  asksAboutSizes: boolean;
};

export type SizeMentions = {
  /** Sizes named outright ("size 42", "sz L", "medium", "extra large", "XL"), as sizeKey has them. */
  sizes: string[];
  /** The other words, hashtags left out: a product's own variant name ("navy") may be one. */
  words: string[];
};

/**
 * Stands in the text for each size read, so that its digits ("size 42", "2XL") are never taken
 * for a quantity while a number beside it ("size M 2") still is.
 */
export const SIZE_MARK = "\uE000";

const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
// "small", "x-large", "extra extra large", "2x-large", "medium", "xl", "xxl", "2xl", "xs". A digit
// counts only glued or hyphened to its x: "2x large" is two large ones.
const SIZE_WORD = String.raw`(?:[2-5]x-?|(?:extra[\s-]?|x[\s-]?){0,3})(?:small|large)|medium|[2-5]x[sl]|x{1,4}l|x{1,3}s`;
const NUMERIC = /^\d{1,3}(?:[.,]\d{1,2})?$/;
const VALUE = String.raw`\d{1,3}(?:[.,]\d{1,2})?|[\p{L}\p{N}]{1,4}(?:/[\p{L}\p{N}]{1,4})?`;
// "size M", "sz: 42", "size extra large"; "sizes" is not "size s".
const EXPLICIT = new RegExp(
  String.raw`${START}(?:size|sz)${END}[\s:=-]*(${SIZE_WORD}|${VALUE})${END}`,
  "gu",
);
// A second size offered after the first: "size L or XL", "size 40 or 42".
const ALTERNATIVE = new RegExp(String.raw`\s*(?:or|and|&)\s+(${SIZE_WORD}|${VALUE})${END}`, "uy");
const SIZE_WORDS = new RegExp(`${START}(?:${SIZE_WORD})${END}`, "gu");
// Short words that follow "size" in a sentence without being one: "one size fits all".
const NOT_A_SIZE = new Set(
  `a an x the is in of for and or to too it me my i u you do does up on are be was so not
   pls plz ok fit fits run runs wise`.split(/\s+/),
);
const LETTER_SIZE = /^(?:X*[SL]|M)$/;

// Clauses end at sentence punctuation and at commas, so "size M, when does it ship?" asks about
// shipping and not about M; a dot or comma inside a number ("10.5") ends nothing.
const CLAUSE_END = /(?<=[!?…;\n])|(?<=[.,])(?!\d)/u;
const HASHTAGS = /#[\p{L}\p{N}_]+/gu;
// A question without its question mark begins like one: "what sizes do you have".
const OPENER = /^(?:what|which|do|does|did|is|are|any|how|will|would)\b/;
// A question about sizes, not about shipping or the fabric; a question that names a size or a
// variant is one too (resolveSize).
const ABOUT_SIZES =
  /\b(?:sizes|sizing|fits?|true to size|runs? (?:small|big|large)|availab\w*|stock|left)\b/;
// "can I get size M?" orders M; "can you tell me what sizes you have?" is still a question.
const POLITE = /^(?:(?:please|pls|plz)\s+)?(?:can|could|may)\s+(?:i|we|you|u)\b/;

/**
 * The size request of a reply's text, already folded (NFKC) and lower-cased, and the text with
 * each size read replaced by SIZE_MARK, for reading its quantity.
 */
export function readSizeRequest(text: string): { request: SizeRequest; rest: string } {
  const request: SizeRequest = {
    chosen: { sizes: [], words: [] },
    asked: { sizes: [], words: [] },
    asksAboutSizes: false,
  };
  const rest = text.split(CLAUSE_END).map((clause) => {
    const sizes: string[] = [];
    const marked = markExplicitSizes(clause, sizes).replace(SIZE_WORDS, (word) => {
      sizes.push(sizeKey(word));
      return SIZE_MARK;
    });
    const lead = clause.replace(HASHTAGS, " ").replace(/^[^\p{L}\p{N}]+/u, "");
    const aboutSizes = ABOUT_SIZES.test(lead);
    const asking = (lead.includes("?") || OPENER.test(lead)) && (aboutSizes || !POLITE.test(lead));
    const mentions = asking ? request.asked : request.chosen;
    mentions.sizes = mentions.sizes.concat(sizes);
    mentions.words = mentions.words.concat(splitWords(marked.replace(HASHTAGS, " ")));
    if (asking && (aboutSizes || /\bsize\b/.test(lead))) request.asksAboutSizes = true;
    return marked;
  });
  return { request, rest: rest.join("") };
}

/** The clause with each "size X" replaced by SIZE_MARK; the sizes it names pushed to `sizes`. */
function markExplicitSizes(clause: string, sizes: string[]): string {
  let marked = "";
  let from = 0;
  for (const found of clause.matchAll(EXPLICIT)) {
    const first = found[1]!;
    if (found.index < from || NOT_A_SIZE.has(first)) continue;
    sizes.push(sizeKey(first));
    let end = found.index + found[0].length;
    ALTERNATIVE.lastIndex = end;
    for (let next; (next = ALTERNATIVE.exec(clause)) && isAlternative(next[1]!, first);) {
      sizes.push(sizeKey(next[1]!));
      end = ALTERNATIVE.lastIndex;
    }
    marked += clause.slice(from, found.index) + SIZE_MARK;
    from = end;
  }
  return marked + clause.slice(from);
}

// After "size M", "or L" offers another size, while "and 2 of them" does not.
const isAlternative = (size: string, first: string) =>
  (NUMERIC.test(size) && NUMERIC.test(first)) ||
  (!NUMERIC.test(size) && LETTER_SIZE.test(sizeKey(size)));
