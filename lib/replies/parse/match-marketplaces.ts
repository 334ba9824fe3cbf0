/**
 * A hashtag as compared: NFKC (a full-width "ａｄｄｔｏｃａｒｔ" is "addtocart") and case-folded.
 * Nothing else is mapped, so Cyrillic look-alikes and zero-width joiners still differ.
 */
export function foldHashtag(tag: string): string {
  return tag
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^[#＃]/, "");
}

export type HashtagMarket = { code: string; hashtags: string[] };

/** The marketplaces whose configured hashtags appear among a Post's hashtag entities. */
export function matchMarketplaces(tags: string[], markets: HashtagMarket[]): string[] {
  const folded = new Set(tags.map(foldHashtag));
  return markets
    .filter((market) => market.hashtags.some((alias) => folded.has(foldHashtag(alias))))
    .map((market) => market.code);
}
