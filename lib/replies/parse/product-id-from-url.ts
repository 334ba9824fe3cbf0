import { productIdSchema } from "@/lib/catalog/product-id";

const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * The product id a link points at, when it is one of the shop's own product pages
 * (`https://<shop host>/p/<id>`); null for anything else. Only the exact configured hosts count:
 * not `shop.example.evil.io`, not `evil.io/@shop.example`, not a user-info trick, not an IP
 * literal, not `javascript:`. The link is only read, never fetched.
 */
export function productIdFromUrl(link: string, shopHosts: string[]): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || IP_LITERAL.test(url.hostname)) return null;
  const host = url.host.toLowerCase();
  if (!shopHosts.some((shopHost) => shopHost.toLowerCase() === host)) return null;
  const match = /^\/p\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return null;
  const parsed = productIdSchema.safeParse(match[1]);
  return parsed.success ? parsed.data : null;
}
