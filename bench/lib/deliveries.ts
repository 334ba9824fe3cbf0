import { createHmac } from "node:crypto";

// What X sends: one reply of a linked shopper to a product post, in any of the three envelopes
// the webhook reads, signed with the consumer secret over the exact bytes.

export type Envelope = "xaa" | "stream" | "aaa";

export type Reply = {
  id: string;
  authorId: string;
  username: string;
  parentId: string;
  text: string;
};

export type Delivery = {
  body: string;
  signature: string;
  /** The reply it carries; null for a delivery whose signature is wrong on purpose. */
  replyId: string | null;
  envelope: Envelope;
};

export const sign = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("base64")}`;

function v2Post(reply: Reply) {
  const hashtags = [...reply.text.matchAll(/#(\w+)/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    tag: match[1],
  }));
  return {
    id: reply.id,
    text: reply.text,
    author_id: reply.authorId,
    conversation_id: reply.parentId,
    created_at: "2026-11-25T10:00:00.000Z",
    edit_history_tweet_ids: [reply.id],
    referenced_tweets: [{ type: "replied_to", id: reply.parentId }],
    entities: { hashtags },
  };
}

export function envelope(kind: Envelope, reply: Reply): string {
  if (kind === "xaa")
    return JSON.stringify({
      data: {
        event_uuid: `-${reply.id}`,
        filter: { user_id: "brand" },
        event_type: "post.reply.create",
        tag: "replycart",
        payload: v2Post(reply),
        includes: { users: [{ id: reply.authorId, username: reply.username }] },
      },
    });
  if (kind === "stream")
    return JSON.stringify({
      data: v2Post(reply),
      includes: { users: [{ id: reply.authorId, username: reply.username }] },
      matching_rules: [{ id: "1", tag: "replycart" }],
    });
  // v1.1 ids do not fit in a double: X sends them as numbers and as id_str.
  return `{"for_user_id":"brand","tweet_create_events":[{"created_at":"Wed Nov 25 10:00:00 +0000 2026","id":${reply.id},"id_str":"${reply.id}","text":${JSON.stringify(reply.text)},"in_reply_to_status_id":${reply.parentId},"in_reply_to_status_id_str":"${reply.parentId}","user":{"id":${reply.authorId},"id_str":"${reply.authorId}","screen_name":"${reply.username}"},"entities":{"hashtags":${JSON.stringify(v2Post(reply).entities.hashtags.map((h) => ({ text: h.tag, indices: [h.start, h.end] })))}}}]}`;
}

const ENVELOPES: Envelope[] = ["xaa", "stream", "aaa"];

/** A seeded shuffle, so a run can be repeated delivery for delivery. */
export function shuffle<T>(items: T[], seed = 1): T[] {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * `total` deliveries: distinct replies in rotating envelopes, `duplicates` of them delivered
 * again (every other one in another envelope, as one reply reaching us by two roads), and
 * `badSignatures` of them signed with the wrong secret; shuffled.
 */
export function mixedDeliveries(options: {
  total: number;
  duplicateShare: number;
  badSignatureShare: number;
  replies: (index: number) => Reply;
  secret: string;
  seed?: number;
}): Delivery[] {
  const duplicates = Math.round(options.total * options.duplicateShare);
  const bad = Math.round(options.total * options.badSignatureShare);
  const distinct = options.total - duplicates - bad;
  const deliveries: Delivery[] = [];
  const replies = Array.from({ length: distinct }, (_, index) => options.replies(index));
  const signed = (kind: Envelope, reply: Reply): Delivery => {
    const body = envelope(kind, reply);
    return { body, signature: sign(options.secret, body), replyId: reply.id, envelope: kind };
  };
  replies.forEach((reply, index) => deliveries.push(signed(ENVELOPES[index % 3]!, reply)));
  for (let index = 0; index < duplicates; index += 1)
    deliveries.push(
      signed(ENVELOPES[(index + (index % 2)) % 3]!, replies[index % replies.length]!),
    );
  for (let index = 0; index < bad; index += 1) {
    const reply = options.replies(distinct + index);
    const body = envelope("xaa", reply);
    deliveries.push({
      body,
      signature: sign("not-the-secret", body),
      replyId: null,
      envelope: "xaa",
    });
  }
  return shuffle(deliveries, options.seed);
}
