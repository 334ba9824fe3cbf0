import { mixedDeliveries, type Delivery, type Reply } from "./deliveries";
import type { LoadResult } from "./load";
import { ms } from "./report";
import { SECRET, SHOPPERS, xIdOf } from "./setup";

let nextReply = 1_000_000_000_000_000_000n;
let made = 0;

/**
 * Distinct replies of the seeded shoppers to the brand's product posts, never repeated. They go
 * round every (shopper, post) pair before any repeats, so no cart line nears its cap of 10 in a
 * whole bench run.
 */
export function replyMaker(posts: string[]) {
  return (): Reply => {
    const shopper = made % SHOPPERS;
    const post = Math.floor(made / SHOPPERS) % posts.length;
    made += 1;
    return {
      id: String(nextReply++),
      authorId: xIdOf(shopper),
      username: `bench${shopper}`,
      parentId: posts[post]!,
      text: "@replycart #addtocart",
    };
  };
}

export const deliveriesOf = (
  posts: string[],
  total: number,
  duplicateShare = 0,
  badSignatureShare = 0,
) =>
  mixedDeliveries({
    total,
    duplicateShare,
    badSignatureShare,
    replies: replyMaker(posts),
    secret: SECRET,
  });

export const asRequests = (deliveries: Delivery[], target = "/api/x/webhook") =>
  deliveries.map((delivery) => ({
    method: "POST" as const,
    path: target,
    body: delivery.body,
    headers: {
      "content-type": "application/json",
      "x-twitter-webhooks-signature": delivery.signature,
    },
  }));

export const replyIds = (deliveries: Delivery[]) =>
  deliveries.flatMap((delivery) => (delivery.replyId ? [delivery.replyId] : []));

export const acked = (result: LoadResult) => result.statuses["200"] ?? 0;
export const ackRate = (result: LoadResult) => acked(result) / result.seconds;
export const latencyLine = (result: LoadResult) =>
  `p50 ${ms(result.latency.p50)} · p95 ${ms(result.latency.p95)} · p99 ${ms(result.latency.p99)} · p99.9 ${ms(result.latency.p999)}`;
