import type { Account, Profile } from "next-auth";
import { db } from "@/lib/db";

/**
 * "Sign in with X" only signs in to a shop account that already linked that X account; linking
 * happens from /account while signed in. An X account linked to someone else is refused.
 */
export async function allowXSignIn(
  account: Account,
  sessionToken: string | undefined,
): Promise<true | string> {
  const [linked, session] = await Promise.all([
    db.account.findUnique({
      where: {
        provider_providerAccountId: {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      },
      select: { userId: true },
    }),
    sessionToken
      ? db.session.findFirst({
          where: { sessionToken, expires: { gt: new Date() } },
          select: { userId: true },
        })
      : null,
  ]);
  if (!session) return linked ? true : "/signin?error=XNotLinked";
  if (linked && linked.userId !== session.userId) return "/account?error=XAccountTaken";
  return true;
}

/** Keeps the X handle on the Account row, read from the profile X returned at sign-in. */
export async function rememberXProfile(
  account: Pick<Account, "provider" | "providerAccountId">,
  profile: Profile | object | undefined,
) {
  // At linking next-auth passes our profile() result; at sign-in, X's raw `{ data }` body.
  const shaped = profile as { data?: { username?: string }; username?: string } | undefined;
  const handle = shaped?.data?.username ?? shaped?.username;
  if (!handle) return;
  await db.account.updateMany({
    where: { provider: account.provider, providerAccountId: account.providerAccountId },
    data: { username: handle },
  });
}
