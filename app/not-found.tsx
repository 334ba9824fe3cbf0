import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <p className="text-brand-600 text-sm font-semibold">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="text-slate-600">The product may have been removed, or the link is mistyped.</p>
      <Link
        href="/"
        className="bg-brand-600 hover:bg-brand-700 rounded-lg px-4 py-2 font-medium text-white"
      >
        Back to the shop
      </Link>
    </div>
  );
}
