import type { Env } from "@/lib/env";
import type { ReplyOutcome } from "@/lib/generated/prisma/client";

export type ReplySettings = {
  appUrl: string;
  /** Adds one X user may make in a minute; past it, one rate_limited answer, then silence. */
  addsPerMinute: number;
  /** What a reply that makes us read its parent Post at X (a billed read) counts as. */
  parentLookupWeight: number;
  /** How long an unlinked shopper's add waits for them to link. */
  pendingDays: number;
  /** How long a bot reply may wait for its turn before it is dropped as expired. */
  botReplyTtlMinutes: number;
  /** Answers other than added one X user gets in an hour; past it, silence. */
  nonAddedAnswersPerHour: number;
  /** Outcomes whose bot reply carries a link (a post with a link costs more at X). */
  linkOutcomes: ReadonlySet<string>;
};

export function replySettings(env: Env): ReplySettings {
  return {
    appUrl: env.APP_URL,
    addsPerMinute: env.REPLY_ADDS_PER_MINUTE,
    parentLookupWeight: env.REPLY_PARENT_LOOKUP_WEIGHT,
    pendingDays: env.PENDING_ADD_DAYS,
    botReplyTtlMinutes: env.BOT_REPLY_TTL_MINUTES,
    nonAddedAnswersPerHour: env.BOT_NON_ADDED_ANSWERS_PER_HOUR,
    linkOutcomes: new Set(env.BOT_REPLY_LINKS.split(",").filter(Boolean)),
  };
}

/** The page a bot reply links to for an outcome, when links are on for it. */
export function replyLink(settings: ReplySettings, outcome: ReplyOutcome): string | null {
  if (!settings.linkOutcomes.has(outcome.toLowerCase())) return null;
  const page = outcome === "NOT_LINKED" ? "/account" : "/cart";
  return new URL(page, settings.appUrl).toString();
}
