"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

type Props = {
  label: string;
  callbackUrl: string;
  /** next-auth provider id: the shopper's X ("twitter", the default) or the brand ("x-brand"). */
  provider?: string;
};

export function XButton({ label, callbackUrl, provider = "twitter" }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(provider, { callbackUrl });
      }}
      className="inline-flex items-center justify-center gap-2 rounded-lg bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 disabled:opacity-60"
    >
      <span aria-hidden className="font-bold">
        𝕏
      </span>
      {pending ? "Opening X…" : label}
    </button>
  );
}
