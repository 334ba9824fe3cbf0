"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { describeCartChange, type CartChange } from "@/lib/live/cart-change";

const TOAST_MS = 8_000;

/**
 * Keeps a signed-in shopper's pages current while their replies land: a stream of their cart's
 * changes (/api/cart/events), each answered by one router.refresh(), so the header's count, the
 * cart and My replies render again from the database, and a toast saying what arrived. The
 * stream is closed while the tab is hidden (a browser allows a site about six connections over
 * HTTP/1.1, and a hidden tab needs none); back in view it reopens and the page is read again.
 */
export function LiveCartUpdates() {
  const router = useRouter();
  const [toast, setToast] = useState<{ id: number; text: string } | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refusals = 0;
    // The page was rendered just before the first stream opened; any later "ready" (a reopened
    // or reconnected stream) may follow missed changes.
    let readyBefore = false;

    const close = () => {
      clearTimeout(retry);
      source?.close();
      source = null;
      setConnected(false);
    };
    const open = () => {
      if (source || document.visibilityState === "hidden") return;
      const stream = new EventSource("/api/cart/events");
      source = stream;
      stream.addEventListener("ready", (event) => {
        refusals = 0;
        setConnected(true);
        const { resync } = JSON.parse(event.data) as { resync: boolean };
        if (resync || readyBefore) router.refresh();
        readyBefore = true;
      });
      stream.addEventListener("cart", (event) => {
        router.refresh();
        const text = describeCartChange(JSON.parse(event.data) as CartChange);
        if (text) setToast({ id: Date.now(), text });
      });
      stream.onerror = () => {
        setConnected(false);
        // A dropped stream is reopened by the browser itself; a refusal (signed out, too many
        // tabs, a busy server) closes it for good, so try again later, less often each time.
        if (stream.readyState !== EventSource.CLOSED) return;
        close();
        retry = setTimeout(open, Math.min(60_000, 5_000 * 2 ** refusals++));
      };
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? close() : open());

    open();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    };
  }, [router]);

  useEffect(() => {
    if (!toast) return;
    const hide = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(hide);
  }, [toast]);

  return (
    // At the bottom, clear of the sticky header on a phone. The live line is there from the
    // start (empty), so screen readers hear what is put in it; the button stays out of it.
    <div
      data-testid="live-cart"
      data-connected={connected}
      className="pointer-events-none fixed inset-x-3 bottom-4 z-30 flex justify-center sm:inset-x-auto sm:right-6"
    >
      <div
        className={
          toast
            ? "pointer-events-auto flex max-w-md items-start gap-3 rounded-xl border border-slate-200 bg-white p-3 pl-4 text-sm text-slate-800 shadow-lg"
            : undefined
        }
      >
        {/* A live region rather than role="status": the pages' own status lines keep that role
            to themselves, so "the status" of a page stays its own message. */}
        <p aria-live="polite" aria-atomic="true" data-testid="live-toast" className="flex-1 py-1">
          {toast?.text}
        </p>
        {toast && (
          <button
            type="button"
            onClick={() => setToast(null)}
            aria-label="Dismiss"
            className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <span aria-hidden>×</span>
          </button>
        )}
      </div>
    </div>
  );
}
