"use client";

import { ErrorState } from "@/components/ui/error-state";

// If the page itself failed, nothing was ordered: say so.
export default function CheckoutError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      title="Checkout is unavailable"
      reset={reset}
      back={{ href: "/cart", label: "Back to the cart" }}
    >
      We couldn&apos;t load your checkout just now. Nothing was ordered and your cart is as you left
      it.
    </ErrorState>
  );
}
