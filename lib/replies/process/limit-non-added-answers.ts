import type { RateLimit, ReplyOutcome } from "@/lib/generated/prisma/client";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

export type AnswerCandidate = {
  tweetId: string;
  authorXId: string;
  outcome: ReplyOutcome;
  text: string | null;
};

const HOUR_MS = 3_600_000;
// rate_limits is rate-limiter-flexible's table; this counter lives beside its keys, in its
// format (expire in epoch ms), under a prefix of its own.
const KEY_PREFIX = "bot-non-added:";

const COUNT_ANSWERS = statement<Pick<RateLimit, "key" | "points">>(
  `INSERT INTO "rate_limits" AS l ("key", "points", "expire")
   SELECT $1 || a."xUserId", a."answers", $4::bigint + $5::bigint
   FROM unnest($2::text[], $3::int[]) AS a("xUserId", "answers")
   ON CONFLICT ("key") DO UPDATE SET
     "points" = CASE WHEN l."expire" <= $4::bigint THEN excluded."points"
                     ELSE l."points" + excluded."points" END,
     "expire" = CASE WHEN l."expire" <= $4::bigint THEN excluded."expire" ELSE l."expire" END
   RETURNING l."key", l."points"`,
);

/**
 * Which of a batch's answers other than added stay unposted: past `perHour` for their X user
 * within the hour, any X account could otherwise fill the brand's posting budget with them.
 * Counted inside the batch's transaction, which holds these X users' locks, so a rolled-back
 * batch spends nothing and concurrent batches count each answer once. Oldest reply first.
 */
export async function limitNonAddedAnswers(
  sql: Sql,
  replies: AnswerCandidate[],
  perHour: number,
): Promise<Set<string>> {
  const candidates = replies.filter((reply) => reply.text !== null && reply.outcome !== "ADDED");
  const perAuthor = new Map<string, number>();
  for (const { authorXId } of candidates)
    perAuthor.set(authorXId, (perAuthor.get(authorXId) ?? 0) + 1);
  if (!perAuthor.size) return new Set();
  const now = Date.now();
  const counted = await sql.query(COUNT_ANSWERS, [
    KEY_PREFIX,
    [...perAuthor.keys()],
    [...perAuthor.values()],
    now,
    HOUR_MS,
  ]);
  // How many each X user may still get: the window's count before this batch, against the limit.
  const left = new Map(
    counted.map(({ key, points }) => {
      const xUserId = key.slice(KEY_PREFIX.length);
      return [xUserId, Math.max(0, perHour - (points - perAuthor.get(xUserId)!))];
    }),
  );
  const silenced = new Set<string>();
  for (const reply of candidates) {
    const allowed = left.get(reply.authorXId) ?? 0;
    if (allowed > 0) left.set(reply.authorXId, allowed - 1);
    else silenced.add(reply.tweetId);
  }
  return silenced;
}
