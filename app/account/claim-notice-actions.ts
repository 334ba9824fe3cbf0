"use server";

import { cookies } from "next/headers";
import { runAction } from "@/app/_actions/server-action";
import type { ActionState } from "@/lib/actions/result";
import { CLAIM_NOTICE_COOKIE, CLAIM_NOTICE_PATH } from "@/lib/auth/claim-notice";

/** The claim notice was shown: it is not shown again (lib/auth/claim-notice.ts). */
export async function dismissClaimNoticeAction(): Promise<ActionState> {
  const signedOut = "Your session has ended.";
  return runAction({ signedOut }, null, async () => {
    (await cookies()).delete({ name: CLAIM_NOTICE_COOKIE, path: CLAIM_NOTICE_PATH });
    return { ok: true };
  });
}
