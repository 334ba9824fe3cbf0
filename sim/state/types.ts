// The simulator's whole state: plain JSON-serialisable records, so a snapshot is one JSON file.

export interface SimApp {
  name: string;
  clientId: string;
  /** Absent for a public (PKCE-only) client. */
  clientSecret?: string;
  consumerKey: string;
  consumerSecret: string;
  redirectUris: string[];
}

export interface StoredApp extends SimApp {
  /** X's numeric app id, carried by oauth.revoke payloads and stream links. */
  appId: string;
}

export interface SimUser {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  description: string;
  protected: boolean;
}

export interface SimPost {
  id: string;
  authorId: string;
  /** Stored text as X stores it: links shortened to t.co, reply mentions in front. */
  text: string;
  /** The text as the author typed it (duplicate-content rule, edit box). */
  rawText: string;
  createdAt: string;
  conversationId: string;
  inReplyToTweetId?: string;
  inReplyToUserId?: string;
  quotedTweetId?: string;
  retweetedTweetId?: string;
  /** Oldest first; the last entry is the current version (this post's own id). */
  editHistory: string[];
  /** Set on an old version once an edit replaced it. */
  supersededBy?: string;
  /** t.co link → the URL the author typed. */
  links: Record<string, string>;
  /** Start of the displayable text (after the automatic reply mentions), in code points. */
  displayStart: number;
  likedBy: string[];
  deleted: boolean;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  userId: string;
  challenge: string;
  method: "S256" | "plain";
  expiresAt: number;
  used: boolean;
}

export interface UserToken {
  token: string;
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  userId: string;
  scopes: string[];
  used: boolean;
}

export interface AppToken {
  token: string;
  clientId: string;
}

export interface Webhook {
  id: string;
  clientId: string;
  url: string;
  valid: boolean;
  createdAt: string;
  lastValidatedAt: number;
}

export interface ActivitySubscription {
  id: string;
  clientId: string;
  eventType: string;
  filter: { user_id?: string; keyword?: string; direction?: string };
  webhookId?: string;
  tag?: string;
  createdAt: string;
  updatedAt: string;
}

export interface StreamRule {
  id: string;
  clientId: string;
  value: string;
  tag?: string;
}

export interface StreamLink {
  webhookId: string;
  clientId: string;
  createdAt: string;
  /** Query string (tweet.fields, expansions, ...) the link was created with. */
  fields: Record<string, string>;
}

export interface AaaSubscription {
  webhookId: string;
  clientId: string;
  userId: string;
  createdAt: string;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
  durationMs: number;
  responseBody?: string;
}

export interface DeliveryRecord {
  id: string;
  at: string;
  kind: "xaa" | "stream-webhook" | "aaa" | "crc";
  eventType: string;
  webhookId: string;
  url: string;
  body: string;
  signature?: string;
  attempts: DeliveryAttempt[];
  outcome: "pending" | "delivered" | "failed" | "dropped" | "skipped";
  replay?: boolean;
  note?: string;
}

export interface Faults {
  duplicate: boolean;
  delayMs: number;
  drop: number;
  reorder: boolean;
  apiStatus: 429 | 503 | null;
  /** Forces POST /2/oauth2/token (code and refresh grants) to fail, as when X's OAuth is down. */
  tokenStatus: 429 | 503 | null;
  selfServeReplyRule: boolean;
  duplicateContentRule: boolean;
}

export interface SimState {
  version: 1;
  apps: StoredApp[];
  users: SimUser[];
  posts: SimPost[];
  authCodes: AuthCode[];
  userTokens: UserToken[];
  refreshTokens: RefreshToken[];
  appTokens: AppToken[];
  webhooks: Webhook[];
  activitySubscriptions: ActivitySubscription[];
  streamRules: StreamRule[];
  streamLinks: StreamLink[];
  aaaSubscriptions: AaaSubscription[];
  deliveries: DeliveryRecord[];
  faults: Faults;
  lastId: string;
}
