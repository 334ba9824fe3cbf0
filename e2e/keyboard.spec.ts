import { expect, test, type Locator, type Page } from "@playwright/test";
import { runFirstStart } from "./support/first-start";
import { signInAs } from "./support/brand";
import { signInAsShopperWithHistory } from "./support/shopper";
import { uniqueEmail } from "./support/sign-in";

// A shopper who uses no mouse: every step below is Tab, arrows, typing and Enter. Each control
// reached shows a focus ring, a client-side navigation puts focus on the new page's heading,
// and a refused form puts it on the field to fix.

test.beforeAll(runFirstStart);

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 });

/** The focused element matches :focus-visible and draws a ring (outline or shadow). */
async function expectRing(page: Page) {
  const ring = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
      element: element.outerHTML.slice(0, 120),
      shown: element.matches(":focus-visible") && (outline || style.boxShadow !== "none"),
    };
  });
  expect(ring.shown, `no visible focus on ${ring.element}`).toBe(true);
}

/** Presses Tab until `target` has focus (and shows it), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, presses = 80) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    if (await target.count().then((n) => n > 0 && isFocused(target.first()))) {
      await expectRing(page);
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const expectHeadingFocused = (page: Page, name: string | RegExp) =>
  expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName))
    .toBe("H1")
    .then(() => expect(page.locator("#main h1")).toHaveText(name));

test("a shopper signs in, links X, adds, changes the cart, checks out and opens the order with the keyboard alone; staff ship it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("keys");

  // Sign in by email; the link comes from the dev mailbox.
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "dev mailbox" }));
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, "Dev mailbox");
  await tabTo(page, page.getByRole("link", { name: `Sign in as ${email}` }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // Link X on the simulator's consent page: a new demo account, picked with the arrows.
  await tabTo(page, page.getByRole("button", { name: "Link X account" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.locator('input[name="username"]'));
  // Nothing is picked yet: Up from the first account wraps round to "New demo account".
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("New demo account")).toBeChecked();
  await tabTo(page, page.getByLabel("new username"));
  const handle = `keys${Date.now().toString(36)}`;
  await page.keyboard.type(handle);
  await tabTo(page, page.getByRole("button", { name: "Authorize app" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("x-handle")).toHaveText(`@${handle}`);

  // From the shop to a product, a size and the cart.
  await tabTo(page, page.getByRole("link", { name: "Shop", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: /Organic Cotton Tee/ }).first());
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, "Organic Cotton Tee");
  await tabTo(page, page.getByLabel("Size"));
  await page.keyboard.type("M");
  await expect(page.getByLabel("Size")).toHaveValue("M");
  await tabTo(page, page.getByRole("button", { name: "Add to cart" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /cart/ })).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  await tabTo(page, page.getByTestId("header-cart"));
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, "Your cart");
  await tabTo(page, page.getByRole("button", { name: "Increase quantity of Organic Cotton Tee" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: "Quantity of Organic Cotton Tee" })).toContainText(
    "2",
  );
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  // Checkout: a ZIP code the shop refuses brings focus back to it.
  await tabTo(page, page.getByRole("link", { name: /Check out/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Checkout/ })).toBeVisible();
  for (const [label, text] of [
    ["Full name", "Ada Lovelace"],
    ["Street address", "1 Market St"],
    ["City", "San Francisco"],
    ["ZIP code", "ABCDE"],
  ] as const) {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(text);
  }
  await tabTo(page, page.getByLabel("State"));
  await page.keyboard.type("California");
  await expect(page.getByLabel("State")).toHaveValue("CA");
  await tabTo(page, page.getByRole("button", { name: "Confirm order" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("ZIP code")).toBeFocused();
  await expect(page.getByLabel("ZIP code")).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("94107");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Thank you: your order is confirmed.")).toBeVisible();
  const orderHeading = (await page.locator("#main h1").textContent())!;

  // Back to the list of orders and into the order again.
  await tabTo(page, page.getByRole("link", { name: "Your orders" }).last());
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, "Your orders");
  const number = orderHeading.replace("Order #", "");
  await tabTo(page, page.getByRole("link", { name: new RegExp(`#${number}`) }));
  await page.keyboard.press("Enter");
  await expectHeadingFocused(page, orderHeading);

  // The shop's staff find that order in the console and ship it, keyboard only too.
  const staff = await browser.newPage();
  await signInAs(staff, "staff");
  await staff.goto("/admin");
  await tabTo(staff, staff.getByRole("link", { name: "Orders" }).first());
  await staff.keyboard.press("Enter");
  await expectHeadingFocused(staff, "Orders");
  await tabTo(staff, staff.getByLabel("Search"));
  await staff.keyboard.type(`#${number}`);
  await staff.keyboard.press("Enter");
  await expect(staff.getByTestId("admin-order-row")).toHaveCount(1);
  await tabTo(staff, staff.getByRole("link", { name: `#${number}` }));
  await staff.keyboard.press("Enter");
  await expectHeadingFocused(staff, orderHeading);
  await tabTo(staff, staff.getByLabel("Tracking number (optional)"));
  await staff.keyboard.type("1Z999AA10123456784");
  await tabTo(staff, staff.getByRole("button", { name: "Mark as shipped" }));
  await staff.keyboard.press("Enter");
  await expect(staff.getByRole("status").filter({ hasText: "Marked as shipped" })).toBeVisible();
  await staff.close();
});

test("a confirm dialog keeps focus inside and gives it back to its button", async ({ page }) => {
  await signInAsShopperWithHistory(page);
  await page.goto("/account/replies");

  const opener = page.getByRole("button", { name: "Delete my reply history" });
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("focus rings show on a phone and a desktop (screenshots for review)", async ({ page }) => {
  await signInAs(page, "shopper");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/p/us-organic-tee");
    await tabTo(page, page.getByLabel("Size"));
    await page.screenshot({ path: `reports/screenshots/focus-ring-size-${width}.png` });
    await tabTo(page, page.getByRole("button", { name: "Add to cart" }));
    await page.screenshot({ path: `reports/screenshots/focus-ring-add-${width}.png` });
  }
});
