import { z } from "zod";
import type { TweetSource } from "@/lib/generated/prisma/client";

// The hashtags and links of a stored Post, from X's entities (never from the text: X has already
// decided what is a hashtag, and a link's text is a t.co alias). v2 names them `tag` and
// `expanded_url`; v1.1 `text` and `expanded_url`, and a truncated v1.1 tweet has its full
// entities only in `extended_tweet`.

export type PostEntities = { hashtags: string[]; urls: string[] };

const entitiesSchema = z
  .object({
    hashtags: z
      .array(z.object({ tag: z.string().optional(), text: z.string().optional() }).catch({}))
      .catch([]),
    urls: z.array(z.object({ expanded_url: z.string().optional() }).catch({})).catch([]),
  })
  .partial()
  .catch({});

const v1Schema = z.object({
  truncated: z.boolean().catch(false),
  entities: entitiesSchema.optional(),
  extended_tweet: z.object({ entities: entitiesSchema.optional() }).optional().catch(undefined),
});

const v2Schema = z.object({ entities: entitiesSchema });

/** `source`: where the Post came from; only Account Activity (AAA) sends the v1.1 shape. */
export function postEntities(source: TweetSource, raw: unknown): PostEntities {
  let entities: z.infer<typeof entitiesSchema> | undefined;
  if (source === "AAA") {
    const tweet = v1Schema.safeParse(raw);
    if (tweet.success)
      entities =
        (tweet.data.truncated && tweet.data.extended_tweet?.entities) || tweet.data.entities;
  } else {
    entities = v2Schema.safeParse(raw).data?.entities;
  }
  return {
    hashtags: (entities?.hashtags ?? []).flatMap((h) => h.tag ?? h.text ?? []),
    urls: (entities?.urls ?? []).flatMap((u) => u.expanded_url ?? []),
  };
}
