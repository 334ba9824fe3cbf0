import type { Env } from "@/lib/env";

/** How many days each kind of row is kept; see README, "What is kept, how long, and why". */
export type RetentionSettings = {
  ignoredReplyTextDays: number;
  replyTextDays: number;
  tombstoneDays: number;
  parentPostCacheDays: number;
  settledPendingAddDays: number;
  botAnswerDays: number;
};

export const retentionSettings = (env: Env): RetentionSettings => ({
  ignoredReplyTextDays: env.IGNORED_REPLY_TEXT_DAYS,
  replyTextDays: env.REPLY_TEXT_DAYS,
  tombstoneDays: env.TOMBSTONE_DAYS,
  parentPostCacheDays: env.PARENT_POST_CACHE_DAYS,
  settledPendingAddDays: env.SETTLED_PENDING_ADD_DAYS,
  botAnswerDays: env.BOT_ANSWER_DAYS,
});
