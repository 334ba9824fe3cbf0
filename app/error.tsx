"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorState title="Something went wrong" reset={reset}>
      The shop couldn&apos;t load this page. Please try again in a moment.
    </ErrorState>
  );
}
