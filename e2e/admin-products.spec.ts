import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "./support/brand";
import { queryE2eDatabase } from "./support/database";

// The merchant's catalog end to end: the owner adds a product with two sizes, gives it an
// image and stock, and the shop shows it; each change is in the audit log.

/** With SCREENSHOT_DIR set, the page at 1280 and 375 px, for a person to look at. */
async function screenshots(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize()!;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

test("the owner adds a product with two sizes and an image, stocks it, and the shop shows it", async ({
  page,
}) => {
  const title = `Field jacket ${Date.now()}`;
  await signInAs(page, "owner");
  await page.goto("/admin");
  await page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: "Products" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await expect(page.getByTestId("product-row").first()).toBeVisible();
  await screenshots(page, "product-list");

  await page.getByRole("link", { name: "Add product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add product" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Waxed cotton, four pockets.");
  await page.getByLabel("Price (USD)").fill("129.5");
  await page.getByLabel("SKU (optional)").fill(`FJ-${Date.now()}`);
  await page.getByTestId("new-sizes").fill("M, L");
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page.getByRole("status")).toContainText("The product is added");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const productId = page.url().match(/\/admin\/products\/([a-z0-9]+)/)![1]!;
  await expect(page.getByTestId("variant-stock")).toContainText("M0");
  await expect(page.getByTestId("variant-stock")).toContainText("L0");

  // An image made here: a small PNG, uploaded under a name of its own.
  const png = await sharp({
    create: { width: 320, height: 240, channels: 3, background: { r: 30, g: 90, b: 60 } },
  })
    .png()
    .toBuffer();
  await page
    .getByLabel("Upload an image")
    .setInputFiles({ name: "jacket.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByRole("status")).toContainText("The image is uploaded");
  const image = page.getByTestId("product-image");
  await expect(image).toHaveAttribute("src", /^\/images\/[0-9a-f]{64}\/large$/);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);

  // A file that only claims to be an image is refused, and the image stays.
  await page
    .getByLabel("Replace the image")
    .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("notes") });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText(/not a JPEG, PNG or WebP/)).toBeVisible();
  await expect(page.getByTestId("product-image")).toHaveAttribute("src", /\/large$/);

  const stock = page.getByRole("form", { name: "Adjust stock" });
  await stock.getByLabel("Size").selectOption({ label: "M (0 in stock)" });
  await stock.getByLabel("Change").fill("-1");
  await stock.getByLabel("Reason").selectOption("DAMAGED");
  await stock.getByRole("button", { name: "Adjust stock" }).click();
  await expect(stock.getByRole("alert")).toContainText("Only 0 in stock");

  await stock.getByLabel("Size").selectOption({ label: "M (0 in stock)" });
  await stock.getByLabel("Change").fill("6");
  await stock.getByLabel("Reason").selectOption("RECEIVED");
  await stock.getByLabel("Note (optional)").fill("First delivery");
  await stock.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByRole("status")).toContainText("The stock is adjusted");
  await expect(page.getByTestId("variant-stock")).toContainText("M6");
  await expect(page.getByTestId("stock-history")).toContainText("+6");
  await expect(page.getByTestId("stock-history")).toContainText("First delivery");
  await screenshots(page, "product-edit");

  // The product's own way to its post on X: the composer, prefilled from it.
  await expect(page.getByRole("link", { name: "Post on X" })).toHaveAttribute(
    "href",
    /^\/admin\/posts\/new\?product=/,
  );
  await page.getByRole("link", { name: "View in the shop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("$129.50").first()).toBeVisible();
  const shopImage = page.getByRole("img", { name: title });
  await expect(shopImage).toHaveAttribute("src", /^\/images\/[0-9a-f]{64}\/large$/);
  expect(await shopImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const cached = await page.request.get((await shopImage.getAttribute("src"))!);
  expect(cached.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(cached.headers()["content-type"]).toBe("image/webp");

  const audit = await queryE2eDatabase<{ action: string }>(
    `SELECT action FROM "AuditEvent"
     WHERE "subjectId" = $1 OR "subjectId" IN (SELECT id FROM "ProductVariant" WHERE "productId" = $1)
     ORDER BY "createdAt"`,
    [productId],
  );
  expect(audit.map((row) => row.action)).toEqual([
    "product.create",
    "product.image",
    "stock.adjust",
  ]);
});
