"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { useFocusFirstProblem } from "@/components/ui/use-focus-first-problem";
import { textFor } from "@/lib/format/lookup";

// What /api/auth answers when it refuses to send a link (lib/auth/guard-email-sign-in.ts).
const refusals: Record<string, string> = {
  InvalidEmail: "Enter an email address like you@example.com (at most 254 characters).",
  EmailRateLimited:
    "Too many sign-in links were asked for. Use one already sent, or try again in an hour.",
};

export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setError({ message: "Enter an email address like you@example.com." });
      return;
    }
    setError(null);
    setPending(true);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    setPending(false);
    if (result?.error)
      setError({
        message:
          textFor(refusals, result.error) ??
          "We couldn't send the sign-in email. Please try again.",
      });
    else router.push("/signin/check-email");
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <label htmlFor="email" className="text-sm font-medium text-slate-800">
        Email address
      </label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "email-error" : undefined}
        className="focus:border-brand-500 rounded-lg border border-slate-300 px-3 py-2 shadow-sm"
      />
      {error && (
        <p id="email-error" role="alert" className="text-sm text-rose-700">
          {error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
