"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a submission comes back refused, keyboard and screen reader users land on what to fix:
 * the first field marked invalid, or else the first alert (made focusable for it). `outcome` is
 * the form's latest result; a new one (even an equal refusal) moves focus again.
 */
export function useFocusFirstProblem(container: RefObject<HTMLElement | null>, outcome: unknown) {
  useEffect(() => {
    if (!outcome) return;
    const target = container.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [role="alert"]',
    );
    if (!target) return;
    if (target.getAttribute("role") === "alert" && !target.hasAttribute("tabindex"))
      target.setAttribute("tabindex", "-1");
    target.focus();
  }, [container, outcome]);
}
