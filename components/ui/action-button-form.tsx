"use client";

import { useActionState, useId, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import type { ActionState } from "@/lib/actions/result";

const variants = {
  neutral: "border-slate-300 text-slate-800 hover:bg-slate-100",
  danger: "border-rose-300 text-rose-800 hover:bg-rose-50",
} as const;

const noSubscription = () => () => {};

const buttonClass = "rounded-lg border px-3 py-1.5 text-sm font-medium disabled:opacity-60";

/**
 * Tab from the dialog's last control goes to its first, and Shift+Tab from the first to the
 * last: a modal dialog makes the page behind it inert, but the browser would still let focus
 * leave for its own address bar.
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const controls = [
    ...event.currentTarget.querySelectorAll<HTMLElement>(
      "button:not([disabled]), [href], input:not([type=hidden])",
    ),
  ];
  const [first, last] = [controls[0], controls.at(-1)];
  if (!first || !last) return;
  const edge = event.shiftKey ? first : last;
  if (document.activeElement !== edge) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * One button that runs a server action, shows it is working, and shows the action's error. The
 * action redirects on success, so only failures come back here. With `confirmMessage`, the
 * button first opens a modal dialog (native <dialog>: focus moves in, Escape cancels) whose
 * confirm button runs the action.
 */
export function ActionButtonForm({
  action,
  label,
  pendingLabel,
  confirmMessage,
  confirmLabel = label,
  variant = "neutral",
  fields = {},
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  /** Asked first, for actions that are hard to undo. */
  confirmMessage?: string;
  confirmLabel?: string;
  variant?: keyof typeof variants;
  /** Hidden fields the form sends, for actions that check what they were asked to do. */
  fields?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  // The dialog needs script: until the page is hydrated the button would do nothing.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const hidden = Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  const error = state?.ok === false && (
    <p role="alert" className="text-sm text-rose-700">
      {state.message}
    </p>
  );

  if (!confirmMessage)
    return (
      <form action={formAction} className="flex flex-col gap-2">
        {hidden}
        <button
          type="submit"
          disabled={pending}
          className={`self-start ${buttonClass} ${variants[variant]}`}
        >
          {pending ? pendingLabel : label}
        </button>
        {error}
      </form>
    );

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={pending || !hydrated}
        onClick={() => dialog.current?.showModal()}
        className={`self-start ${buttonClass} ${variants[variant]}`}
      >
        {pending ? pendingLabel : label}
      </button>
      <dialog
        ref={dialog}
        onKeyDown={keepFocusInside}
        aria-labelledby={messageId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} onSubmit={() => dialog.current?.close()}>
          {hidden}
          <p id={messageId} className="text-sm text-slate-800">
            {confirmMessage}
          </p>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => dialog.current?.close()}
              className={`${buttonClass} ${variants.neutral}`}
            >
              Cancel
            </button>
            <button type="submit" className={`${buttonClass} ${variants[variant]}`}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
      {error}
    </div>
  );
}
