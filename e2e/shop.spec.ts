import { expect, test } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/sign-in";

test("a shopper opens the shop, follows a product and sees its price in dollars", async ({
  page,
}) => {
  await page.goto("/");
  const us = page.getByRole("region", { name: "United States store" });
  await expect(us.getByRole("link", { name: "Organic Cotton Tee" })).toBeVisible();
  await us.getByRole("link", { name: "Organic Cotton Tee" }).click();

  await expect(page).toHaveURL(/\/p\/us-organic-tee$/);
  await expect(page.getByRole("heading", { level: 1, name: "Organic Cotton Tee" })).toBeVisible();
  await expect(page.getByTestId("product-price")).toHaveText("$28.00");
  await expect(page.getByRole("list", { name: "Sizes" }).getByRole("listitem")).toHaveText([
    "S",
    "M",
    "L",
    "XL",
  ]);
  await expect(page.getByText("#addtocart size S")).toBeVisible();
});

test("each size says in words whether it can be had: the UK tee's XL is sold out", async ({
  page,
}) => {
  await page.goto("/p/uk-organic-tee");
  await expect(page.getByRole("list", { name: "Sizes" }).getByRole("listitem")).toHaveText([
    "S",
    "M",
    "L",
    "XL (sold out)",
  ]);
  await signInByEmail(page, uniqueEmail("sizes"));
  await page.goto("/p/uk-organic-tee");
  const size = page.getByLabel("Size");
  await expect(size.getByRole("option", { name: "XL (sold out)" })).toBeDisabled();
  await size.selectOption("L");
  await page.getByTestId("add-to-cart").click();
  await expect(
    page.getByRole("status").filter({ hasText: "Added 1 to your basket" }),
  ).toBeVisible();
});

test("a UK product is priced in pounds and asks for #addtobasket", async ({ page }) => {
  await page.goto("/");
  const uk = page.getByRole("region", { name: "United Kingdom store" });
  await uk.getByRole("link", { name: "Builder's Tea Mug" }).click();
  await expect(page.getByTestId("product-price")).toHaveText("£14.00");
  await expect(page.getByRole("region", { name: "Buy it with a reply" })).toContainText(
    "#addtobasket",
  );
});

test("an unknown product answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/p/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that product" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the health route reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});
