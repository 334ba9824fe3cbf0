/** X's ids are decimal strings that grow with time: the shorter is the smaller, equal lengths sort as text. */
export const compareXIds = (a: string, b: string) =>
  a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
