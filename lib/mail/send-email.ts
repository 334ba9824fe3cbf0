import nodemailer from "nodemailer";
import { db as appDb } from "@/lib/database/db";
import { getEnv, type Env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OutgoingEmail = {
  to: string;
  subject: string;
  /** The whole body, the link's URL included: an email sent by SMTP carries only this text. */
  text: string;
  /** The link the dev mailbox shows; no label means a sign-in link ("Sign in as <to>"). */
  link: { url: string; label?: string };
  /** How long the dev mailbox shows and keeps its copy. */
  keepUntil: Date;
};

export type EmailDelivery = "smtp" | "dev-mailbox";

// nodemailer waits up to 2 minutes to connect and 10 for a silent server: far past a sign-in
// request's patience and a job's lease (JOB_LEASE_SECONDS), after which pg-boss would run the
// job again while this send is still in doubt. Query parameters in SMTP_URL override these.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export type SendEmailOptions = {
  /** Where the dev mailbox copy is written: pass a transaction to commit it with other rows. */
  db?: Pick<Prisma.TransactionClient, "devEmail">;
  env?: Env;
  log?: (line: string) => void;
};

/** How email leaves: SMTP when configured, else the dev mailbox in demo mode, else not at all. */
export function emailDelivery(env: Env = getEnv()): EmailDelivery | null {
  if (env.SMTP_URL) return "smtp";
  return env.mode === "demo" ? "dev-mailbox" : null;
}

/** The dev mailbox exists only in demo mode without SMTP: emails are readable on a page. */
export const devMailboxEnabled = (env: Env = getEnv()) => emailDelivery(env) === "dev-mailbox";

/**
 * Sends one email by SMTP (from EMAIL_FROM). In demo mode without SMTP it goes to the dev mailbox
 * page instead, kept until `keepUntil`, and the server log says one arrived.
 */
export async function sendEmail(
  { to, subject, text, link, keepUntil }: OutgoingEmail,
  { db = appDb, env = getEnv(), log = console.log }: SendEmailOptions = {},
): Promise<EmailDelivery> {
  const delivery = emailDelivery(env);
  if (delivery === "smtp") {
    await nodemailer
      .createTransport({ url: env.SMTP_URL, ...SMTP_TIMEOUTS })
      .sendMail({ to, from: env.EMAIL_FROM, subject, text });
    return delivery;
  }
  // Unreachable while the configuration is checked at start; never leak a link if it isn't.
  if (!delivery) throw new Error(`No SMTP_URL: "${subject}" cannot be sent`);
  await db.devEmail.create({
    data: { to, subject, text, url: link.url, linkLabel: link.label ?? null, expiresAt: keepUntil },
  });
  // Says that something arrived, not what: an address or a sign-in link in a log is one more
  // place they leak from. The page shows both to whoever may see the mailbox.
  const what = link.label ? `"${subject}"` : "A sign-in link";
  log(`[dev mailbox] ${what} is waiting at ${new URL("/dev/mailbox", env.APP_URL).toString()}`);
  return delivery;
}
