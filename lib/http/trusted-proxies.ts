import { BlockList, isIP } from "node:net";

// Who may tell us a client's address. X-Forwarded-For is written by whoever sends the request,
// so it is read only when the direct peer is a proxy the operator named (TRUSTED_PROXIES);
// otherwise the socket's own address is the client.

/** `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 peer. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses or CIDR blocks (`10.0.0.0/8`, `::1`,
 * `fd00::/8`). Throws with the entry that is neither.
 */
export function parseTrustedProxies(list: string | undefined): BlockList {
  const trusted = new BlockList();
  for (const entry of (list ?? "").split(",").map((part) => part.trim())) {
    if (!entry) continue;
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = Number(bits);
    const maxPrefix = family === 6 ? 128 : 32;
    if (!family || extra !== undefined) throw new Error(`"${entry}" is not an address or CIDR`);
    if (bits === undefined) trusted.addAddress(address, family === 6 ? "ipv6" : "ipv4");
    else if (/^\d{1,3}$/.test(bits) && prefix <= maxPrefix)
      trusted.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    else throw new Error(`"${entry}" has a prefix length outside 0-${maxPrefix}`);
  }
  return trusted;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address for a request whose socket peer is `peer`: the peer itself, unless it is
 * a trusted proxy; then the X-Forwarded-For entries are read from the right (each proxy appends
 * the address it saw), skipping trusted proxies, and the first one that is not trusted is the
 * client. Entries left of it were written by the client and are never believed.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string {
  let client = unmapped(peer ?? "") || "unknown";
  if (!isTrusted(trusted, client)) return client;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => unmapped(hop.trim().replace(/^\[|\]$/g, "")))
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
