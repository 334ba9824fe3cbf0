import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    // The statement test (test/integration/sql-statements.test.ts) prepares the statements
    // registered when their modules load: one made at call time would escape it.
    files: ["**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: ":function CallExpression[callee.name='statement']",
          message: "Declare SQL statements as module constants (const NAME = statement<Row>(...)).",
        },
      ],
    },
  },
  {
    // Components render what pages hand them: data access stays in lib/ behind domain functions.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/database/*", "@/lib/generated/*", "@prisma/*", "pg"],
              message: "Components never reach the database: take the data from a lib/ function.",
            },
          ],
        },
      ],
    },
  },
]);
