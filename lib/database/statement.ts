// Every statement `Sql` runs is declared once, at module level, with `statement<Row>(text)`:
// the row type travels with the text to `sql.query`, and the text goes into a registry that
// test/integration/sql-statements.test.ts prepares against the migrated schema, so a renamed
// column or table fails a test instead of a reply in production. Row types are built from
// Prisma's generated model and enum types (`Pick<TweetEvent, "tweetId" | "status">`), so a
// column renamed in the schema fails the type check too. ESLint keeps `statement(` calls out of
// functions: a statement made at call time would be missing from the registry.

declare const rowBrand: unique symbol;

/** A constant SQL text and the shape of the rows it returns (`never` when none are read). */
export type Statement<Row = never> = { readonly text: string; readonly [rowBrand]?: Row };

const registry = new Set<string>();

export function statement<Row = never>(text: string): Statement<Row> {
  registry.add(text);
  return { text };
}

/** Every statement declared by the modules loaded so far. */
export const declaredStatements = (): string[] => [...registry];
