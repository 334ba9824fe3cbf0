// POST /api/bench/noop - the framework's ceiling for `npm run bench`: answers without reading.
// It exists only in demo servers the bench starts (REPLYCART_BENCH=1); everywhere else it is a
// 404, and it never reads the body, so it cannot be used to make a server buffer anything.
import { getEnv } from "@/lib/env";
import { apiError, toResponse } from "@/lib/http/api-answer";

export const dynamic = "force-dynamic";

export function POST() {
  const env = getEnv();
  if (env.mode !== "demo" || env.REPLYCART_BENCH !== "1")
    return toResponse(apiError(404, "not_found", "Not found"));
  return Response.json({ ok: true });
}
