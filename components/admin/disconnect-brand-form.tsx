"use client";

import { useActionState } from "react";
import { disconnectBrandAction, type DisconnectState } from "@/app/admin/x/actions";

export function DisconnectBrandForm() {
  const [state, action, pending] = useActionState<DisconnectState>(disconnectBrandAction, {});
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm("Disconnect the brand account? The bot stops replying until you reconnect."))
          event.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-rose-300 px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60"
      >
        {pending ? "Disconnecting…" : "Disconnect"}
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
