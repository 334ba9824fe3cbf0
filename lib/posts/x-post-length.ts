// How X measures a post's text (twitter-text's v3 rules, which X applies to POST /2/tweets):
// every URL counts 23 whatever its length (X wraps it in a t.co link); an emoji, even one
// made of several code points, counts 2; a code point in Latin, Greek, Cyrillic, Hebrew,
// Arabic and the other scripts below U+10FF, or in a few punctuation ranges, counts 1; every
// other code point (CJK, Hangul, kana, ...) counts 2. The text is measured NFC-normalised.

export const X_POST_MAX_LENGTH = 280;
export const X_URL_LENGTH = 23;

const LIGHT_RANGES: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

// A URL as X finds one: with a scheme, or a bare host under a common top-level domain
// ("shop.example.com/p/1"). Trailing punctuation ends a sentence, not the URL.
const URL_PATTERN =
  /\bhttps?:\/\/[^\s]+|(?<![@#\w.-])(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|shop|store|app|dev|uk|de|fr|es|it|nl|eu|us|ca|au|jp)\b(?:\/[^\s]*)?/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/u;

/** The URLs X would find in `text`, as written. */
export function findUrls(text: string): string[] {
  return [...text.normalize("NFC").matchAll(URL_PATTERN)].map(([url]) =>
    url.replace(TRAILING_PUNCTUATION, ""),
  );
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

const codePointWeight = (codePoint: number) =>
  LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;

function plainLength(text: string): number {
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) length += 2;
    else for (const char of segment) length += codePointWeight(char.codePointAt(0)!);
  }
  return length;
}

/** The length X gives `text`, to hold against its 280. */
export function xPostLength(text: string): number {
  const normalised = text.normalize("NFC");
  let length = 0;
  let rest = normalised;
  for (const url of findUrls(normalised)) {
    const at = rest.indexOf(url);
    length += plainLength(rest.slice(0, at)) + X_URL_LENGTH;
    rest = rest.slice(at + url.length);
  }
  return length + plainLength(rest);
}

// X's pay-per-use prices (2026), in millionths of a dollar: creating a post costs $0.015, or
// $0.200 when its text carries a URL.
export const X_POST_PRICE_MICRO_USD = 15_000;
export const X_POST_WITH_URL_PRICE_MICRO_USD = 200_000;

/** What X bills for posting `text`, in millionths of a dollar. */
export const xPostCost = (text: string) =>
  findUrls(text).length > 0 ? X_POST_WITH_URL_PRICE_MICRO_USD : X_POST_PRICE_MICRO_USD;

/** "$0.015", "$0.200": the way X's price list writes them. */
export const formatMicroUsd = (micro: number) => `$${(micro / 1_000_000).toFixed(3)}`;
