"use client";

import { ErrorState } from "@/components/ui/error-state";

// The cart could not be read (the database is down, say): nothing in it is lost.
export default function CartError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      title="We couldn't load your cart"
      reset={reset}
      back={{ href: "/", label: "Back to the shop" }}
    >
      Everything in it is still there. Please try again in a moment.
    </ErrorState>
  );
}
