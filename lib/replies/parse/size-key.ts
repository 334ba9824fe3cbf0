/**
 * A size in the one form sizes are compared in, so a reply's "extra large", "x-large" and "XL"
 * meet a product's "XL" or "X-Large", and "2XL" meets "XXL". Full-width letters count (NFKC),
 * case, spaces and hyphens do not. Anything else stays as it is, upper-cased: "42", "10.5",
 * "M/L", "NAVY".
 */
export function sizeKey(size: string): string {
  const compact = size
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s-]+/g, "");
  const spelled = /^([2-5]?)((?:EXTRA|X)*)(SMALL|MEDIUM|LARGE)$/.exec(compact);
  const letters = spelled
    ? `${spelled[1]}${spelled[2]!.replaceAll("EXTRA", "X")}${spelled[3]![0]}`
    : compact;
  const counted = /^([2-5])X([SL])$/.exec(letters);
  return counted ? `${"X".repeat(Number(counted[1]))}${counted[2]}` : letters;
}
