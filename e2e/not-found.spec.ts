import { expect, test } from "@playwright/test";

const PAGE_GONE = "We couldn't find that page";

test("malformed and absurd product paths are a 404 page, not a 500", async ({ request }) => {
  const paths = ["/p/%ZZ", "/p/%E0%A4%A", "/p/%", "/p/%00", `/p/${"a".repeat(10_000)}`];
  for (const path of paths) {
    const response = await request.get(path);
    const label = path.slice(0, 20);
    expect(response.status(), label).toBe(404);
    expect(response.headers()["content-type"], label).toContain("text/html");
    expect(await response.text(), label).toMatch(/We couldn(&#x27;|')t find that (page|product)/);
  }
});

test("a malformed path shows the 404 page in the browser", async ({ page }) => {
  const response = await page.goto("/p/%ZZ");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: PAGE_GONE })).toBeVisible();
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a missing product says it may have been removed; other 404s do not", async ({ page }) => {
  expect((await page.goto("/p/no-such-product"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that product" })).toBeVisible();
  await expect(page.getByText("The product may have been removed")).toBeVisible();

  for (const path of ["/nope", "/admin"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: PAGE_GONE })).toBeVisible();
    await expect(page.getByRole("main").getByText(/product/i)).toHaveCount(0);
  }
});

test("the benchmark's no-op route does not exist outside `npm run bench`", async ({ request }) => {
  const response = await request.post("/api/bench/noop", { data: { hello: "world" } });
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
});
