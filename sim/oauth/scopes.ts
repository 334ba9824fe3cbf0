// OAuth 2.0 scopes X knows, with the words its consent screen uses for them.
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  "tweet.read": "View all posts you can see, including those from protected accounts.",
  "tweet.write": "Create and repost on your behalf.",
  "tweet.moderate.write": "Hide and unhide replies to your posts.",
  "users.read": "View any account you can see, including protected accounts.",
  "follows.read": "View accounts you follow and accounts following you.",
  "follows.write": "Follow and unfollow accounts on your behalf.",
  "offline.access": "Stay connected to your account until you revoke access.",
  "space.read": "View all Spaces you have access to.",
  "mute.read": "View accounts you have muted.",
  "mute.write": "Mute and unmute accounts on your behalf.",
  "like.read": "View posts you have liked and likes you can see.",
  "like.write": "Like and unlike posts on your behalf.",
  "list.read": "View Lists, members, and followers of Lists you created or are a member of.",
  "list.write": "Create and manage Lists on your behalf.",
  "block.read": "View accounts you have blocked.",
  "block.write": "Block and unblock accounts on your behalf.",
  "bookmark.read": "Read your bookmarked posts.",
  "bookmark.write": "Create and delete your bookmarks.",
  "dm.read": "Read all your Direct Messages.",
  "dm.write": "Send and manage your Direct Messages.",
  "media.write": "Upload media, such as photos and videos, on your behalf.",
  "timeline.read": "View all Custom Timelines you can see.",
};

export function parseScopes(raw: string | undefined): { scopes: string[]; unknown: string[] } {
  const scopes = [...new Set((raw ?? "").split(/[\s+]+/).filter(Boolean))];
  return { scopes, unknown: scopes.filter((s) => !(s in SCOPE_DESCRIPTIONS)) };
}
