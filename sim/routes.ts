import { activityRoutes } from "./activity/activity-routes";
import { aaaRoutes } from "./aaa/aaa-routes";
import { searchRoutes } from "./api/search-routes";
import { tweetRoutes } from "./api/tweets-routes";
import { userRoutes } from "./api/users-routes";
import type { ApiRoute } from "./http/route";
import { ruleRoutes } from "./stream/rules-routes";
import { streamRoutes } from "./stream/stream-routes";
import { webhookRoutes } from "./webhooks/webhook-routes";

/** Every X API v2 operation the simulator answers. Order matters only for Hono's matching. */
export const apiRoutes: ApiRoute[] = [
  ...userRoutes,
  ...searchRoutes,
  ...ruleRoutes,
  ...streamRoutes,
  ...tweetRoutes,
  ...webhookRoutes,
  ...activityRoutes,
  ...aaaRoutes,
];

/** "METHOD /openapi/path" for each implemented operation; the contract test must cover all. */
export const implementedOpenApiPaths: string[] = apiRoutes.map(
  (r) => `${r.method} ${r.openApiPath}`,
);
