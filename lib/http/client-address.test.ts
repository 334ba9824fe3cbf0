import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClientAddressServer } from "./client-address";
import { clientIp } from "./client-ip";
import { parseTrustedProxies } from "./trusted-proxies";

// Real sockets on loopback: what the app's clientIp reads behind our listener.

let close: (() => void) | undefined;
afterEach(() => close?.());

async function clientIpSeenBy(trustedProxies: string | undefined, headers: HeadersInit) {
  const server = createClientAddressServer((request, response) => {
    const seen = new Headers(request.headers as Record<string, string>);
    response.end(clientIp(seen));
  }, parseTrustedProxies(trustedProxies));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  return (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
}

describe("the client address behind our listener", () => {
  it("is the socket's address whatever X-Forwarded-For the client writes", async () => {
    expect(await clientIpSeenBy(undefined, { "x-forwarded-for": "1.2.3.4" })).toBe("127.0.0.1");
    expect(await clientIpSeenBy(undefined, { "x-forwarded-for": "1.2.3.4, 5.6.7.8" })).toBe(
      "127.0.0.1",
    );
    expect(await clientIpSeenBy("10.0.0.0/8", { "x-forwarded-for": "1.2.3.4" })).toBe("127.0.0.1");
  });

  it("is the proxy's last hop when the peer is a trusted proxy", async () => {
    expect(await clientIpSeenBy("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7" })).toBe(
      "198.51.100.7",
    );
    expect(await clientIpSeenBy("127.0.0.0/8", {})).toBe("127.0.0.1");
  });
});
