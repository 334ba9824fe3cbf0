"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { dismissClaimNoticeAction } from "@/app/account/claim-notice-actions";
import { Notice } from "@/components/ui/notice";

/**
 * "N items from your replies are now in your cart", once: the cookie that carried the count is
 * deleted as soon as the notice shows, and the count is kept here while the page refreshes
 * without it. Rendered on every visit (with 0 after the first), so that it keeps its place.
 */
export function ClaimNotice({ items }: { items: number }) {
  const [shown] = useState(items);
  useEffect(() => {
    if (items > 0) void dismissClaimNoticeAction();
  }, [items]);
  if (shown === 0) return null;
  return (
    <Notice tone="success">
      {shown === 1 ? "1 item" : `${shown} items`} from your replies {shown === 1 ? "is" : "are"} now
      in your cart.{" "}
      <Link href="/account/replies" className="font-medium underline">
        See My replies
      </Link>
    </Notice>
  );
}
