import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { appUrl } from "./app-env";
import { queryE2eDatabase } from "./database";

/** The seed's admin, the shop's owner; `npm test` seeds the browser tests' database with it. */
export const ADMIN = "admin@replycart.local";
/** A staff member, made on first use. */
export const STAFF = "staff@replycart.local";

export type Who = "owner" | "staff" | "shopper";

const ROLES = { owner: "OWNER", staff: "STAFF", shopper: "SHOPPER" } as const;

/**
 * Signs `page` in with a session of next-auth's own kind (a Session row and its cookie), without
 * the magic link: the shop sends one address at most SIGN_IN_EMAILS_PER_ADDRESS links an hour,
 * and more tests than that need a console user. The owner is the seed's admin, staff one shared
 * account, a shopper a new account each time. Returns the email signed in. The admin's email
 * sign-in itself is admin-brand.spec.ts's first test.
 */
export async function signInAs(page: Page, who: Who): Promise<string> {
  const suffix = randomBytes(6).toString("hex");
  const email = who === "owner" ? ADMIN : who === "staff" ? STAFF : `shopper-${suffix}@example.com`;
  await queryE2eDatabase(
    `INSERT INTO "User" (id, email, role, "updatedAt") VALUES ($1, $2, $3::"Role", now())
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role`,
    [`e2e-${suffix}`, email, ROLES[who]],
  );
  const token = randomBytes(32).toString("hex");
  await queryE2eDatabase(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     SELECT $1, $1, id, now() + interval '1 hour' FROM "User" WHERE email = $2`,
    [token, email],
  );
  await page.context().addCookies([
    {
      name: "next-auth.session-token",
      value: token,
      url: appUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  return email;
}

/** Signs `page` in as the shop's owner (the seed's admin). */
export const signInAsAdmin = (page: Page) => signInAs(page, "owner");

/** Signs `page` in as the admin and connects the simulator's @replycart as the brand account. */
export async function connectBrandAsAdmin(page: Page) {
  await signInAsAdmin(page);
  await page.goto("/admin/x");
  await page.getByRole("button", { name: "Connect brand account" }).click();
  await page.getByLabel(/@replycart$/).check();
  await page.getByRole("button", { name: "Authorize app" }).click();
  await expect(page.getByTestId("brand-handle")).toHaveText("@replycart");
}

/** The brand account's rows (none or one). */
export const brandRows = () =>
  queryE2eDatabase(`SELECT 1 FROM "Account" WHERE provider = 'x-brand'`);
