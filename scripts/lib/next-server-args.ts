import type { Env } from "../../lib/env";

/** `next start` (or `next dev`) on the configured port, bound to HOST when there is one. */
export function nextServerArgs(env: Pick<Env, "PORT" | "HOST">, dev = false): string[] {
  return [dev ? "dev" : "start", "-p", String(env.PORT), ...(env.HOST ? ["-H", env.HOST] : [])];
}
