import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import { avatarSrc, xImageOrigins } from "@/lib/x/profile-image";
import { XAvatar } from "./x-avatar";

/**
 * An X account as the shop shows it: picture, @handle (the id when X gave none), a caption.
 * Rendered on the server, which knows which image hosts the content security policy allows.
 */
export function XIdentity({
  profileImageUrl,
  username,
  xUserId,
  testId,
  children,
}: {
  profileImageUrl: string | null;
  username: string | null;
  xUserId: string;
  testId: string;
  /** The line under the handle: when it was linked or connected, and by whom. */
  children: ReactNode;
}) {
  return (
    <div className="flex items-center gap-3">
      <XAvatar src={avatarSrc(profileImageUrl, xImageOrigins(getEnv().x))} />
      <div>
        <p className="font-medium" data-testid={testId}>
          @{username ?? xUserId}
        </p>
        <p className="text-sm text-slate-600">{children}</p>
      </div>
    </div>
  );
}
