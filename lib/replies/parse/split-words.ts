// A word keeps its inner apostrophes, dots and slashes: "i'm", "10.5", "s/m".
const WORD = /[\p{L}\p{N}]+(?:['’./][\p{L}\p{N}]+)*/gu;

/** The words of a text, full-width folded (NFKC) and lower-cased. */
export function splitWords(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}
