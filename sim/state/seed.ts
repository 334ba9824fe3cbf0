import type { Faults, SimApp, SimState, SimUser } from "./types";

export const BRAND_USERNAME = "replycart";

export const DEFAULT_APP: SimApp = {
  name: "replycart (local)",
  clientId: "replycart-local",
  clientSecret: "replycart-local-secret",
  consumerKey: "replycart-local-consumer",
  consumerSecret: "replycart-local-consumer-secret",
  redirectUris: [
    "http://localhost:3000/api/auth/callback/twitter",
    "http://localhost:3000/api/auth/callback/x-brand",
  ],
};

const SEED_USERS: Array<Pick<SimUser, "id" | "username" | "name" | "description">> = [
  {
    id: "1800000000000000001",
    username: BRAND_USERNAME,
    name: "replycart shop",
    description: "Reply #addtocart to any product post and it lands in your cart.",
  },
  {
    id: "1800000000000000002",
    username: "alice",
    name: "Alice Martin",
    description: "Coffee, trail running, too many mugs.",
  },
  {
    id: "1800000000000000003",
    username: "bob",
    name: "Bob Okafor",
    description: "Dad jokes and DIY.",
  },
  {
    id: "1800000000000000004",
    username: "carol",
    name: "Carol Nguyen",
    description: "Designer. Plants. London.",
  },
  {
    id: "1800000000000000005",
    username: "dave",
    name: "Dave Kowalski",
    description: "Gadgets first, questions later.",
  },
];

export const DEFAULT_FAULTS: Faults = {
  duplicate: false,
  delayMs: 0,
  drop: 0,
  reorder: false,
  apiStatus: null,
  tokenStatus: null,
  selfServeReplyRule: false,
  duplicateContentRule: true,
};

export function createSeedState(): SimState {
  const createdAt = "2024-01-15T12:00:00.000Z";
  return {
    version: 1,
    apps: [],
    users: SEED_USERS.map((u) => ({ ...u, createdAt, protected: false })),
    posts: [],
    authCodes: [],
    userTokens: [],
    refreshTokens: [],
    appTokens: [],
    webhooks: [],
    activitySubscriptions: [],
    streamRules: [],
    streamLinks: [],
    aaaSubscriptions: [],
    deliveries: [],
    faults: { ...DEFAULT_FAULTS },
    lastId: "1800000000000000005",
  };
}
