import { describe, expect, it } from "vitest";
import { addressLimitKey, clientLimitKey } from "./sign-in-limit-keys";

describe("clientLimitKey", () => {
  it("counts a whole IPv6 /64 as one client, however it is written", () => {
    const key = clientLimitKey("2001:db8:1:2::1");
    expect(clientLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(key);
    expect(clientLimitKey("2001:0DB8:0001:0002:0:0:0:9")).toBe(key);
    expect(clientLimitKey("[2001:db8:1:2::abcd]")).toBe(key);
    expect(clientLimitKey("2001:db8:1:3::1")).not.toBe(key);
  });

  it("counts an IPv4 address, mapped into IPv6 or not, as one client", () => {
    expect(clientLimitKey("::ffff:203.0.113.7")).toBe(clientLimitKey("203.0.113.7"));
    expect(clientLimitKey("203.0.113.8")).not.toBe(clientLimitKey("203.0.113.7"));
  });

  it("keeps odd values apart instead of failing", () => {
    expect(clientLimitKey("unknown")).not.toBe(clientLimitKey("1::2::3"));
  });
});

describe("addressLimitKey", () => {
  it("counts +tags of one inbox as that inbox, and nothing else", () => {
    const key = addressLimitKey("shopper@example.com");
    expect(addressLimitKey("shopper+sale@example.com")).toBe(key);
    expect(addressLimitKey("Shopper+1@Example.com")).toBe(key);
    expect(addressLimitKey("shopper@example.org")).not.toBe(key);
    expect(addressLimitKey("shoppers@example.com")).not.toBe(key);
  });

  it("keeps no address in the key", () => {
    expect(addressLimitKey("shopper@example.com")).not.toContain("shopper");
    expect(addressLimitKey("a".repeat(254))).toHaveLength(43);
  });
});
