import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-link";

export function signInEmailText(url: string) {
  return `Sign in to replycart:\n\n${url}\n\nThe link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask for it, ignore this email.`;
}

/** The dev mailbox exists only in demo mode without SMTP: links are readable on a page. */
export function devMailboxEnabled(): boolean {
  const env = getEnv();
  return env.mode === "demo" && !env.SMTP_URL;
}

/**
 * Sends the magic link by SMTP. In demo mode without SMTP it goes to the dev mailbox page and
 * the server log instead, and lives there only as long as the link works.
 */
export async function sendSignInEmail({
  identifier,
  url,
  expires,
}: {
  identifier: string;
  url: string;
  expires: Date;
}) {
  const env = getEnv();
  const subject = "Your replycart sign-in link";
  const text = signInEmailText(url);
  if (env.SMTP_URL) {
    await nodemailer
      .createTransport(env.SMTP_URL)
      .sendMail({ to: identifier, from: env.EMAIL_FROM, subject, text });
    return;
  }
  // Unreachable while the configuration is checked at start; never leak a link if it isn't.
  if (!devMailboxEnabled()) throw new Error("No SMTP_URL: sign-in email cannot be sent");
  await db.devEmail.create({ data: { to: identifier, subject, text, url, expiresAt: expires } });
  console.log(`[dev mailbox] sign-in link for ${identifier}: ${url}`);
}
