import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-link";
import { sendEmail } from "@/lib/mail/send-email";

export function signInEmailText(url: string) {
  return `Sign in to replycart:\n\n${url}\n\nThe link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask for it, ignore this email.`;
}

/**
 * Sends the magic link. In the dev mailbox (demo mode without SMTP) it lives only as long as the
 * link works.
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
  await sendEmail({
    to: identifier,
    subject: "Your replycart sign-in link",
    text: signInEmailText(url),
    link: { url },
    keepUntil: expires,
  });
}
