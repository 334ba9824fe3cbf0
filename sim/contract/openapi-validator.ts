import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// Validates answers against X's own OpenAPI file: the whole document is added to ajv under
// one id, and each answer is checked against the schema its path declares for that status
// (or `default`) and content type, referenced by JSON pointer so #/components refs resolve.

const DOC_ID = "x-openapi.json";
export const spec = JSON.parse(
  readFileSync(path.join(__dirname, "..", "openapi", "x-openapi.json"), "utf8"),
) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
  >;
};

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
for (const name of ["int32", "int64", "double", "float"]) ajv.addFormat(name, true);
ajv.addSchema({ ...spec, $id: DOC_ID });

const cache = new Map<string, ValidateFunction>();

function pointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));
}

export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Returns the spec's validator for an answer of `METHOD /path`, or throws if the spec has none. */
export function validatorFor(
  operation: string,
  status: number,
  contentType: string,
): ValidateFunction {
  const [method, apiPath] = operation.split(" ") as [string, string];
  const op = spec.paths[apiPath]?.[method.toLowerCase()];
  if (!op) throw new Error(`${operation} is not in X's OpenAPI file`);
  const key = op.responses[String(status)] ? String(status) : "default";
  const media = contentType.includes("problem+json")
    ? "application/problem+json"
    : "application/json";
  if (!op.responses[key]?.content?.[media]) {
    throw new Error(`${operation} declares no ${media} schema for status ${status}`);
  }
  const pointer = [
    "paths",
    apiPath,
    method.toLowerCase(),
    "responses",
    key,
    "content",
    media,
    "schema",
  ]
    .map(pointerSegment)
    .join("/");
  const ref = `${DOC_ID}#/${pointer}`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate;
}

/** Validation errors (empty when the answer meets the spec). */
export function specErrors(operation: string, answer: Answer): string[] {
  const validate = validatorFor(operation, answer.status, answer.contentType);
  return validate(answer.body)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
      );
}

/** The schema of a named component, e.g. Problem. */
export function componentValidator(name: string): ValidateFunction {
  return ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
}

/** RFC 7807 as X's gateway sends it (401, 403 for scopes or auth type, 429, 503). */
export const gatewayProblem = ajv.compile({
  type: "object",
  required: ["type", "title", "detail", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    detail: { type: "string" },
    status: { type: "integer", minimum: 400 },
  },
});
