import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { e2eAppEnv, simUrl } from "./app-env";

/**
 * npm start's first-start steps (brand connected, catalog posted, webhook and subscriptions
 * registered), run as a script: specs that run earlier disconnect the brand. Safe to repeat.
 */
export function runFirstStart() {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/e2e-first-start.ts"], {
    env: { ...process.env, ...e2eAppEnv() },
    stdio: "pipe",
    timeout: 120_000,
  });
}

/** In the simulator's UI, as `username`: reply `text` to the brand's post matching `post`. */
export async function replyInSimulator(page: Page, username: string, post: RegExp, text: string) {
  await page.goto(simUrl);
  await page.getByTestId("acting-user").selectOption(username);
  const product = page.getByTestId("post").filter({ hasText: post });
  await product.first().getByTestId("reply-button").click();
  await page.getByTestId("reply-text").fill(text);
  await page.getByTestId("reply-submit").click();
  const reply = page.getByTestId("post").filter({ hasText: text });
  await expect(reply.first()).toBeVisible();
  return reply;
}
