import type { ReactNode } from "react";

const tones = {
  success: { role: "status", className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  warning: { role: "alert", className: "border-amber-200 bg-amber-50 text-amber-900" },
} as const;

/** A page-level message: an outcome ("status") or something to act on ("alert"). */
export function Notice({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  const { role, className } = tones[tone];
  return (
    <p role={role} className={`rounded-lg border p-3 text-sm ${className}`}>
      {children}
    </p>
  );
}
