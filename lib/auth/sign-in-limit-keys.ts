import { createHash } from "node:crypto";

// What one sender or one inbox is, for counting: variations that reach the same place count as
// one. Keys are hashed: fixed length for the VARCHAR(255) column, no address kept in plain text.

const hash = (value: string) => createHash("sha256").update(value).digest("base64url");

/** `shopper+1@example.com` and `shopper+2@example.com` land in one inbox: count them as one. */
export function addressLimitKey(email: string): string {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  return hash(`${local.split("+")[0]}@${domain}`);
}

function expandIpv6(address: string): string[] | undefined {
  const [head = "", tail, extra] = address.split("::");
  if (extra !== undefined) return undefined;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...Array<string>(missing).fill("0"), ...right];
}

/**
 * One client: an IPv4 address, or an IPv6 /64 (the block one subscriber is given, so any of
 * its addresses is the same client). IPv4-mapped IPv6 counts as its IPv4 address.
 */
export function clientLimitKey(ip: string): string {
  const address = ip
    .replace(/^\[|\]$/g, "")
    .split("%")[0]!
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return hash(mapped[1]!);
  const groups = address.includes(":") ? expandIpv6(address) : undefined;
  if (groups)
    return hash(
      `${groups
        .slice(0, 4)
        .map((group) => Number.parseInt(group, 16))
        .join(":")}::/64`,
    );
  return hash(address);
}
