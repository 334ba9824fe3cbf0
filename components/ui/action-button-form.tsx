"use client";

import { useActionState } from "react";

export type ActionState = { error?: string };

const variants = {
  neutral: "border-slate-300 text-slate-800 hover:bg-slate-100",
  danger: "border-rose-300 text-rose-800 hover:bg-rose-50",
} as const;

/**
 * One button that runs a server action, shows it is working, and shows the action's error. The
 * action redirects on success, so only failures come back here.
 */
export function ActionButtonForm({
  action,
  label,
  pendingLabel,
  confirmMessage,
  variant = "neutral",
}: {
  action: (state: ActionState) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  /** Asked in a browser dialog first, for actions that are hard to undo. */
  confirmMessage?: string;
  variant?: keyof typeof variants;
}) {
  const [state, formAction, pending] = useActionState<ActionState>(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmMessage && !confirm(confirmMessage)) event.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <button
        type="submit"
        disabled={pending}
        className={`self-start rounded-lg border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${variants[variant]}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
