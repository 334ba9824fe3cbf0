import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/brand";
import { queryE2eDatabase } from "./support/database";
import { signInAsShopperWithHistory } from "./support/shopper";

// WCAG 2.1 A and AA, as axe-core checks them, on every page of the app: signed out, as a
// shopper with a cart, an order and a reply, as staff and as the owner; at 1280 and 375 px. A page the
// table below does not list fails the first test, so a new page cannot skip its audit.

type Seeded = { orderId: string; consoleOrderId: string };
/** Every app route (as app/ spells it, route groups left out) and the URL its audit visits. */
const ROUTES: Record<string, (seeded: Seeded) => string> = {
  "/": () => "/",
  "/p/[id]": () => "/p/us-organic-tee",
  "/cart": () => "/cart",
  "/checkout": () => "/checkout?marketplace=US",
  "/orders": () => "/orders",
  "/orders/[id]": ({ orderId }) => `/orders/${orderId}`,
  "/account": () => "/account",
  "/account/replies": () => "/account/replies",
  "/signin": () => "/signin",
  "/signin/check-email": () => "/signin/check-email",
  "/dev/mailbox": () => "/dev/mailbox",
  "/admin": () => "/admin",
  "/admin/orders": () => "/admin/orders",
  "/admin/orders/[id]": ({ consoleOrderId }) => `/admin/orders/${consoleOrderId}`,
  "/admin/posts": () => "/admin/posts",
  "/admin/posts/new": () => "/admin/posts/new?product=us-organic-tee",
  "/admin/posts/attach": () => "/admin/posts/attach",
  "/admin/products": () => "/admin/products?store=US",
  "/admin/products/new": () => "/admin/products/new?store=US",
  "/admin/products/[id]": () => "/admin/products/us-organic-tee",
  "/admin/x": () => "/admin/x",
  "/admin/settings": () => "/admin/settings",
  "/admin/settings/activity": () => "/admin/settings/activity",
};
// Pages that are not routes of their own but every visitor can meet.
const EXTRA_URLS = ["/no-such-page"];

/** The app's page routes, read from app/: `app/(shop)/p/[id]/page.tsx` is `/p/[id]`. */
function appRoutes(dir = "app", prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") routes.push(prefix || "/");
    if (!entry.isDirectory() || entry.name.startsWith("_")) continue;
    const group = /^\(.*\)$/.test(entry.name);
    routes.push(
      ...appRoutes(path.join(dir, entry.name), group ? prefix : `${prefix}/${entry.name}`),
    );
  }
  return routes.sort();
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

test("every page of the app is in the audit's route table", () => {
  expect(appRoutes()).toEqual(Object.keys(ROUTES).sort());
});

/** The newest order of the shop, for the console's order page (its 404 when there is none). */
const newestOrderId = async () =>
  (
    await queryE2eDatabase<{ id: string }>(
      `SELECT id FROM "Order" ORDER BY "createdAt" DESC LIMIT 1`,
    )
  )[0]?.id ?? "none";

const personas = {
  "signed out": async (): Promise<Seeded> => ({ orderId: "none", consoleOrderId: "none" }),
  shopper: async (page: Page): Promise<Seeded> => ({
    ...(await signInAsShopperWithHistory(page)),
    consoleOrderId: "none",
  }),
  staff: async (page: Page): Promise<Seeded> => {
    await signInAs(page, "staff");
    return { orderId: "none", consoleOrderId: await newestOrderId() };
  },
  owner: async (page: Page): Promise<Seeded> => {
    await signInAs(page, "owner");
    return { orderId: "none", consoleOrderId: await newestOrderId() };
  },
};

for (const width of [1280, 375])
  for (const [persona, signIn] of Object.entries(personas))
    test(`no serious WCAG 2.1 AA violation, ${persona}, at ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      const seeded = await signIn(page);
      const found: string[] = [];
      for (const url of [...Object.values(ROUTES).map((route) => route(seeded)), ...EXTRA_URLS]) {
        await page.goto(url);
        for (const violation of await violations(page)) found.push(`${url}: ${violation}`);
      }
      expect(found).toEqual([]);
    });
