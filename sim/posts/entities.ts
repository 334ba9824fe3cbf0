import { randomBytes } from "node:crypto";

// Entity extraction the way X reports it: indices in Unicode code points, hashtags without
// the '#', links replaced by t.co wrappers that carry the typed URL as expanded_url.

export interface HashtagEntity {
  start: number;
  end: number;
  tag: string;
}
export interface MentionEntity {
  start: number;
  end: number;
  username: string;
}
export interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
}
export interface PostEntities {
  hashtags: HashtagEntity[];
  mentions: MentionEntity[];
  urls: UrlEntity[];
}

const URL_RE = /https?:\/\/[^\s<>"]+/g;
const HASHTAG_RE = /(^|[^\p{L}\p{N}_&])[#＃]([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const MENTION_RE = /(^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/gu;
/** Every link counts as 23 characters towards the 280 limit, whatever its length. */
export const TCO_LENGTH = 23;
export const MAX_POST_LENGTH = 280;

function codePointIndex(text: string, utf16Index: number): number {
  return Array.from(text.slice(0, utf16Index)).length;
}

/** Replaces each typed URL by a fresh t.co link; returns the new text and the mapping. */
export function shortenLinks(text: string): { text: string; links: Record<string, string> } {
  const links: Record<string, string> = {};
  const shortened = text.replace(URL_RE, (raw) => {
    const url = raw.replace(/[.,!?;:)]+$/, "");
    const tail = raw.slice(url.length);
    const tco = `https://t.co/${randomBytes(8).toString("base64url").slice(0, 10)}`;
    links[tco] = url;
    return tco + tail;
  });
  return { text: shortened, links };
}

/** X's weighted length: code points, with every link counted as 23. */
export function weightedLength(text: string): number {
  let length = 0;
  const withoutUrls = text.replace(URL_RE, () => {
    length += TCO_LENGTH;
    return "";
  });
  return length + Array.from(withoutUrls).length;
}

export function displayUrl(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\//, "").replace(/^www\./, "");
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}

export function extractEntities(text: string, links: Record<string, string>): PostEntities {
  const hashtags: HashtagEntity[] = [];
  for (const m of text.matchAll(HASHTAG_RE)) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    const tag = m[2] ?? "";
    const start = codePointIndex(text, at);
    hashtags.push({ start, end: start + 1 + Array.from(tag).length, tag });
  }
  const mentions: MentionEntity[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    const username = m[2] ?? "";
    const start = codePointIndex(text, at);
    mentions.push({ start, end: start + 1 + username.length, username });
  }
  const urls: UrlEntity[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,!?;:)]+$/, "");
    const expanded = links[url] ?? url;
    const start = codePointIndex(text, m.index ?? 0);
    urls.push({
      start,
      end: start + url.length,
      url,
      expanded_url: expanded,
      display_url: displayUrl(expanded),
    });
  }
  return { hashtags, mentions, urls };
}
