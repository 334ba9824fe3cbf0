"use client";

import { useEffect, useRef, useState } from "react";
import { DEFAULT_AVATAR_PATH } from "@/lib/x/profile-image";

/**
 * An X profile picture, or the shop's default one when it cannot load (X's CDN is out of reach
 * offline, and old avatar URLs stop working when the user changes picture). `src` is already
 * avatarSrc's choice: an allowed host, or the default.
 */
export function XAvatar({ src }: { src: string }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before hydration fired its error event before React listened.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  return (
    // X serves avatars from its own CDN at a fixed 48px size: nothing for next/image to optimise.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={image}
      src={failed ? DEFAULT_AVATAR_PATH : src}
      alt=""
      width={40}
      height={40}
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      className="size-10 shrink-0 rounded-full bg-slate-200"
      data-testid="x-avatar"
    />
  );
}
