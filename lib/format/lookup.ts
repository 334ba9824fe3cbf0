/**
 * The text for a key from the query string, or undefined. Own keys only: `?error=__proto__` or
 * `?notice=constructor` must not pull an object out of the prototype into a page.
 */
export function textFor(table: Readonly<Record<string, string>>, key: string | undefined) {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
