import type { ReplySettings } from "@/lib/replies/process/reply-settings";

/** The processor's settings with no limit in the way: tests that count on adds going in. */
export const UNLIMITED_REPLY_SETTINGS: ReplySettings = {
  appUrl: "http://localhost:3000",
  addsPerMinute: 1000,
  parentLookupWeight: 1,
  pendingDays: 7,
  botReplyTtlMinutes: 60,
  nonAddedAnswersPerHour: 1000,
  linkOutcomes: new Set(),
};
