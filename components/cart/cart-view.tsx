"use client";

import { useOptimistic, useState, useTransition, type ReactNode } from "react";
import { removeCartLineAction, setCartQuantityAction } from "@/app/(shop)/cart/actions";
import { refuse } from "@/lib/actions/result";
import { applyCartChange, type CartChange } from "./apply-cart-change";
import { CartGroupSection } from "./cart-group-section";
import type { CartGroupView } from "./to-cart-view";

type Problem = { lineId: string; message: string };

/**
 * The cart's lines, changed in place: a new quantity or a removal shows at once (useOptimistic)
 * while its server action runs, then the page settles to what the server answered. A refusal
 * shows by its line and the line goes back to what it was.
 */
export function CartView({ groups, empty }: { groups: CartGroupView[]; empty: ReactNode }) {
  const [shown, applyOptimistic] = useOptimistic(groups, applyCartChange);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function change(next: CartChange, title: string) {
    setProblem(null);
    if (next.type === "remove") {
      setAnnouncement(`Removed ${title}.`);
      // The Remove button goes with its line: focus moves to the page's heading, not nowhere.
      document.getElementById("cart-title")?.focus();
    }
    startTransition(async () => {
      applyOptimistic(next);
      const result = await (
        next.type === "remove"
          ? removeCartLineAction({ lineId: next.lineId })
          : setCartQuantityAction({ lineId: next.lineId, quantity: next.quantity })
      ).catch(() =>
        // The network or the server failed: the line goes back to what the server last said.
        refuse(
          "unreachable",
          "That change didn't reach the shop. Check your connection and try again.",
        ),
      );
      if (!result.ok) {
        setProblem({ lineId: next.lineId, message: result.message });
        if (next.type === "remove") setAnnouncement("");
      }
    });
  }

  const lineIds = new Set(shown.flatMap((group) => group.lines.map((line) => line.id)));
  // A refusal about a line no longer on the page (a deleted reply took it) shows above the cart.
  const orphanProblem = problem && !lineIds.has(problem.lineId) ? problem.message : null;

  return (
    <div className="flex flex-col gap-6" aria-busy={pending}>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {orphanProblem && (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800"
        >
          {orphanProblem}
        </p>
      )}
      {shown.length === 0
        ? empty
        : shown.map((group) => (
            <CartGroupSection
              key={group.marketplace.code}
              group={group}
              problem={problem}
              onChange={change}
            />
          ))}
    </div>
  );
}
