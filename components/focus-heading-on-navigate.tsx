"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// How long after a navigation focus still follows the page's heading: a page may show its
// loading state's heading first and stream its own in later.
const FOLLOW_MS = 3_000;

/**
 * After a client-side navigation, focus goes to the new page's heading, as a full page load puts
 * a screen reader at the top: otherwise it stays on the link that was followed (or on nothing),
 * and the next Tab starts from there. It follows the heading while the page streams in, and
 * stops as soon as the user puts focus anywhere else. Not on the first load.
 */
export function FocusHeadingOnNavigate() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const opener = document.activeElement;
    const until = performance.now() + FOLLOW_MS;
    let frame = 0;
    const follow = () => {
      const active = document.activeElement;
      const untouched =
        !active || active === document.body || active === opener || active.tagName === "H1";
      if (!untouched) return;
      const heading = document.querySelector<HTMLElement>("#main h1");
      if (heading && heading !== active) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
      if (performance.now() < until) frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
