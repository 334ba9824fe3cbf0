"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/result";

const tones = {
  neutral: "border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  primary: "border-brand-600 bg-brand-600 text-white hover:bg-brand-700",
  danger: "border-rose-300 bg-white text-rose-800 hover:bg-rose-50",
} as const;

/**
 * One of the order page's forms: its fields, a submit button that shows it is working, and the
 * action's refusal. The actions redirect on success, so only refusals come back here.
 */
export function OrderForm({
  action,
  fields,
  label,
  pendingLabel,
  tone = "neutral",
  children,
  testId,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  tone?: keyof typeof tones;
  children?: ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-2 text-sm" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`self-start rounded-lg border px-3 py-1.5 font-medium disabled:opacity-60 ${tones[tone]}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state?.ok === false && (
        <p role="alert" className="text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
