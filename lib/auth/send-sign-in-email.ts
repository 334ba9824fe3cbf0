import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export function signInEmailText(url: string) {
  return `Sign in to replycart:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`;
}

/**
 * Sends the magic link. Without SMTP_URL (the local demo) it goes to the dev mailbox page and the
 * server log instead, so sign-in works with nothing configured.
 */
export async function sendSignInEmail({ identifier, url }: { identifier: string; url: string }) {
  const env = getEnv();
  const subject = "Your replycart sign-in link";
  const text = signInEmailText(url);
  if (env.SMTP_URL) {
    await nodemailer
      .createTransport(env.SMTP_URL)
      .sendMail({ to: identifier, from: env.EMAIL_FROM, subject, text });
    return;
  }
  await db.devEmail.create({ data: { to: identifier, subject, text, url } });
  console.log(`[dev mailbox] sign-in link for ${identifier}: ${url}`);
}

/** The dev mailbox exists only in the local demo: no SMTP server and the simulated X. */
export function devMailboxEnabled(): boolean {
  const env = getEnv();
  return !env.SMTP_URL && env.x.simulated;
}
