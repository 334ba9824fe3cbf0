"use client";

import { useActionState } from "react";
import { unlinkXAction, type UnlinkState } from "@/app/account/actions";

export function UnlinkXForm() {
  const [state, action, pending] = useActionState<UnlinkState>(unlinkXAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? "Unlinking…" : "Unlink X"}
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
