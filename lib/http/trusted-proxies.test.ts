import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress } from "./trusted-proxies";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");

describe("resolveClientAddress", () => {
  it("takes the socket's address and ignores the header when no proxy is trusted", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, 5.6.7.8", none)).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.2.3.4", none)).toBe("198.51.100.7");
  });

  it("ignores the header from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", proxies)).toBe("203.0.113.9");
  });

  it("reads the header from a trusted proxy, right to left, past every trusted hop", () => {
    expect(resolveClientAddress("10.1.2.3", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client wrote 1.2.3.4 itself; the proxies appended what they saw.
    expect(resolveClientAddress("10.1.2.3", "1.2.3.4, 198.51.100.7, 10.9.9.9", proxies)).toBe(
      "198.51.100.7",
    );
    expect(resolveClientAddress("::ffff:127.0.0.1", "2001:db8::1", proxies)).toBe("2001:db8::1");
    expect(resolveClientAddress("fd00::1", "[2001:db8::2]", proxies)).toBe("2001:db8::2");
  });

  it("falls back to the leftmost hop, or the peer, when every hop is trusted", () => {
    expect(resolveClientAddress("10.1.2.3", "10.0.0.5, 10.0.0.6", proxies)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.1.2.3", undefined, proxies)).toBe("10.1.2.3");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what is not an address or a CIDR block", () => {
    for (const bad of ["proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(bad)).toThrow(/not an address|prefix length/);
  });
});
