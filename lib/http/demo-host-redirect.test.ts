import { describe, expect, it } from "vitest";
import { demoHostRedirect, type PageRequest } from "./demo-host-redirect";

const demo = { mode: "demo" as const, APP_URL: "http://localhost:3000" };
const page = (data: Partial<PageRequest> = {}): PageRequest => ({
  method: "GET",
  host: "127.0.0.1:3000",
  protocol: "http:",
  pathname: "/account",
  search: "?notice=unlinked",
  ...data,
});

describe("demoHostRedirect", () => {
  it("sends this machine's other names for the shop's port to APP_URL, path and query kept", () => {
    expect(demoHostRedirect(demo, page())).toBe("http://localhost:3000/account?notice=unlinked");
    expect(demoHostRedirect(demo, page({ host: "[::1]:3000", method: "HEAD" }))).toBe(
      "http://localhost:3000/account?notice=unlinked",
    );
    expect(
      demoHostRedirect(
        { mode: "demo", APP_URL: "http://127.0.0.1:3000" },
        page({ host: "LocalHost:3000", pathname: "/", search: "" }),
      ),
    ).toBe("http://127.0.0.1:3000/");
  });

  it("leaves a request to APP_URL's own host alone", () => {
    expect(demoHostRedirect(demo, page({ host: "localhost:3000" }))).toBeUndefined();
    expect(
      demoHostRedirect({ mode: "demo", APP_URL: "http://localhost" }, page({ host: "localhost" })),
    ).toBeUndefined();
  });

  it("redirects nothing in deployment mode", () => {
    expect(demoHostRedirect({ ...demo, mode: "deployment" }, page())).toBeUndefined();
  });

  it("keeps POSTs (forms, server actions) where they are", () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"])
      expect(demoHostRedirect(demo, page({ method }))).toBeUndefined();
  });

  it("never redirects X's webhook or the health check", () => {
    for (const pathname of ["/api/x/webhook", "/api/health", "/api/health/"])
      expect(demoHostRedirect(demo, page({ pathname, search: "" }))).toBeUndefined();
    expect(demoHostRedirect(demo, page({ pathname: "/api/healthy", search: "" }))).toBe(
      "http://localhost:3000/api/healthy",
    );
  });

  it("leaves other ports and other machines' names alone", () => {
    for (const host of [
      "127.0.0.1:3001",
      "127.0.0.1",
      "shop.example:3000",
      "localhost.evil.example:3000",
      "192.168.1.20:3000",
      null,
      "bad host:3000",
    ])
      expect(demoHostRedirect(demo, page({ host }))).toBeUndefined();
  });

  it("compares default ports by scheme", () => {
    const https = { mode: "demo" as const, APP_URL: "https://localhost" };
    expect(demoHostRedirect(https, page({ host: "127.0.0.1", protocol: "https:" }))).toBe(
      "https://localhost/account?notice=unlinked",
    );
    expect(demoHostRedirect(https, page({ host: "127.0.0.1", protocol: "http:" }))).toBeUndefined();
  });
});
