"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// How long a page may stream in after navigating (its loading state's heading replaced by the
// page's own) while focus still follows to the new heading.
const FOLLOW_MS = 5_000;

function focusHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>("#main h1");
  if (!heading) return null;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
  return heading;
}

/**
 * After a client-side navigation, focus goes to the new page's heading, as a full page load puts
 * a screen reader at the top: otherwise it stays on a link that no longer exists, and the next
 * Tab starts from the top of the document. Not on the first load.
 */
export function FocusHeadingOnNavigate() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let focused = focusHeading();
    const main = document.getElementById("main");
    if (!main) return;
    // A loading state's heading gives way to the page's: follow it, unless the user moved on.
    const observer = new MutationObserver(() => {
      const lost = document.activeElement === document.body || !document.activeElement;
      if (focused && !focused.isConnected && lost) focused = focusHeading();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), FOLLOW_MS);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [pathname]);
  return null;
}
