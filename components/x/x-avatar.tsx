"use client";

import { useEffect, useRef, useState } from "react";

/**
 * An X profile picture, or the handle's initial when there is none or it cannot load (X's CDN
 * is out of reach offline, and old avatar URLs stop working when the user changes picture).
 */
export function XAvatar({ src, username }: { src: string | null; username: string | null }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before hydration fired its error event before React listened.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  const initial = (username ?? "X").slice(0, 1).toUpperCase();
  if (!src || failed)
    return (
      <span
        aria-hidden
        className="grid size-10 shrink-0 place-items-center rounded-full bg-slate-900 font-semibold text-white"
      >
        {initial}
      </span>
    );
  return (
    // X serves avatars from its own CDN at a fixed 48px size: nothing for next/image to optimise.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={image}
      src={src}
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
