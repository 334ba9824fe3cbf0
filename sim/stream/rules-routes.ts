import type { Context } from "hono";
import type { SimContext } from "../context";
import type { AuthInfo } from "../http/auth";
import { invalidParameter, invalidRequest, problemResponse } from "../http/problems";
import { MIN15 } from "../http/rate-limit";
import { readJson, type ApiRoute } from "../http/route";
import { parseQuery, QueryError } from "../api/search-query";
import { nextId } from "../state/ids";
import type { StreamRule } from "../state/types";

// Filtered-stream rules: list, add, delete, dry run; answers carry meta.sent and meta.summary.

const MAX_RULES = 1000;
const MAX_RULE_LENGTH = 1024;

function ruleJson(r: StreamRule) {
  return r.tag ? { id: r.id, value: r.value, tag: r.tag } : { id: r.id, value: r.value };
}

function listRules(c: Context, auth: AuthInfo, sim: SimContext) {
  const ids = (c.req.query("ids") ?? "").split(",").filter(Boolean);
  const badId = ids.find((id) => !/^[0-9]{1,19}$/.test(id));
  if (badId !== undefined) {
    return invalidParameter(
      c,
      "ids",
      badId,
      `The \`ids\` query parameter value [${badId}] does not match ^[0-9]{1,19}$`,
    );
  }
  const max = c.req.query("max_results");
  if (max !== undefined && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 1000)) {
    return invalidParameter(
      c,
      "max_results",
      max,
      `The \`max_results\` query parameter value [${max}] is not between 1 and 1000`,
    );
  }
  const own = sim.store.state.streamRules
    .filter((r) => r.clientId === auth.app.clientId)
    .filter((r) => !ids.length || ids.includes(r.id));
  const meta = { sent: new Date(sim.now()).toISOString(), result_count: own.length };
  return c.json(own.length ? { data: own.map(ruleJson), meta } : { meta });
}

function ruleProblem(
  value: string,
  existing: StreamRule | undefined,
): Record<string, unknown> | null {
  if (existing) {
    return {
      value,
      id: existing.id,
      title: "DuplicateRule",
      type: "https://api.x.com/2/problems/duplicate-rules",
    };
  }
  const detail =
    value.length > MAX_RULE_LENGTH
      ? `Rule is too long: at most ${MAX_RULE_LENGTH} characters`
      : (() => {
          try {
            parseQuery(value);
            return null;
          } catch (error) {
            return error instanceof QueryError ? error.message : "Invalid rule";
          }
        })();
  return detail
    ? {
        value,
        details: [detail],
        title: "UnprocessableEntity",
        type: "https://api.x.com/2/problems/invalid-rules",
      }
    : null;
}

async function updateRules(c: Context, auth: AuthInfo, sim: SimContext) {
  const dryRun = c.req.query("dry_run") === "true";
  const body = await readJson(c);
  const hasAdd = Array.isArray(body?.add);
  const del = body?.delete as { ids?: unknown; values?: unknown } | undefined;
  if (!body || (!hasAdd && !del) || (hasAdd && del)) {
    return problemResponse(
      c,
      400,
      invalidRequest("One or more parameters to your request was invalid.", [
        {
          parameters: {},
          message: "Exactly one of add or delete must be present in the request body",
        },
      ]),
    );
  }
  const state = sim.store.state;
  const sent = new Date(sim.now()).toISOString();
  const own = () => state.streamRules.filter((r) => r.clientId === auth.app.clientId);
  if (del) {
    const ids = Array.isArray(del.ids) ? del.ids.map(String) : [];
    const values = Array.isArray(del.values) ? del.values.map(String) : [];
    const targets = own().filter((r) => ids.includes(r.id) || values.includes(r.value));
    const missing = ids.filter((id) => !targets.some((r) => r.id === id));
    if (!dryRun) state.streamRules = state.streamRules.filter((r) => !targets.includes(r));
    sim.store.changed();
    const errors = missing.map((id) => ({
      title: "Not Found Error",
      detail: `Could not find rule with id: [${id}].`,
      type: "https://api.x.com/2/problems/resource-not-found",
      resource_type: "rule",
      resource_id: id,
    }));
    return c.json({
      meta: { sent, summary: { deleted: targets.length, not_deleted: missing.length } },
      ...(errors.length ? { errors } : {}),
    });
  }
  const adds = (body.add as Array<{ value?: unknown; tag?: unknown }>).map((a) => ({
    value: String(a?.value ?? ""),
    tag: typeof a?.tag === "string" ? a.tag : undefined,
  }));
  if (own().length + adds.length > MAX_RULES)
    return invalidParameter(c, "add", String(adds.length), `Rule limit of ${MAX_RULES} exceeded`);
  const created: StreamRule[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const add of adds) {
    const problem = ruleProblem(
      add.value,
      own()
        .concat(created)
        .find((r) => r.value === add.value),
    );
    if (problem) {
      errors.push(problem);
      continue;
    }
    created.push({
      id: nextId(state, sim.now()),
      clientId: auth.app.clientId,
      value: add.value,
      tag: add.tag,
    });
  }
  const invalid = errors.filter((e) => e.title !== "DuplicateRule").length;
  // X adds all rules or none: one invalid rule rejects the whole request.
  const persist = !dryRun && invalid === 0;
  if (persist) state.streamRules.push(...created);
  sim.store.changed();
  // A dry run reports what would have been created.
  const wouldCreate = invalid === 0;
  const summary = {
    created: wouldCreate ? created.length : 0,
    not_created: wouldCreate ? errors.length : adds.length,
    valid: adds.length - invalid,
    invalid,
  };
  return c.json({
    ...(created.length ? { data: created.map(ruleJson) } : {}),
    meta: { sent, summary },
    ...(errors.length ? { errors } : {}),
  });
}

const rulesPath = "/2/tweets/search/stream/rules";

export const ruleRoutes: ApiRoute[] = [
  {
    id: "stream.rules.list",
    method: "GET",
    path: rulesPath,
    openApiPath: rulesPath,
    auth: "app",
    limits: [{ per: "app", limit: 450, windowMs: MIN15 }],
    handle: listRules,
  },
  {
    id: "stream.rules.update",
    method: "POST",
    path: rulesPath,
    openApiPath: rulesPath,
    auth: "app",
    limits: [{ per: "app", limit: 100, windowMs: MIN15 }],
    handle: updateRules,
  },
];
