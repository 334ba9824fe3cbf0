import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { appUrl } from "./app-env";
import { queryE2eDatabase } from "./database";
import { uniqueEmail } from "./sign-in";

/**
 * A new shopper, signed in on `page` with a session of next-auth's own kind (a Session row and
 * its cookie) rather than a magic link: the shop sends one address only a few links an hour.
 */
export async function signInAsNewShopper(page: Page, name: string) {
  const email = uniqueEmail(name);
  const id = `e2e${randomBytes(8).toString("hex")}`;
  await queryE2eDatabase(
    `INSERT INTO "User" (id, email, "emailVerified", "updatedAt") VALUES ($1, $2, now(), now())`,
    [id, email],
  );
  const token = randomBytes(32).toString("hex");
  await queryE2eDatabase(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     VALUES ($1, $1, $2, now() + interval '1 hour')`,
    [token, id],
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
  return { id, email };
}
