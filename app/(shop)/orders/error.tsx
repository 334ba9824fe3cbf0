"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function OrdersError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState title="Your orders didn't load" reset={reset}>
      Your orders are safe; we just couldn&apos;t show them right now. Please try again in a moment.
    </ErrorState>
  );
}
