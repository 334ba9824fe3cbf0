import Link from "next/link";
import type { Permission } from "@/lib/accounts/roles";
import { ConsolePage } from "./console-page";

const WHAT: Record<Permission, string> = {
  orders: "orders",
  products: "products",
  posts: "posts",
  settings: "the shop's settings",
  x_account: "the shop's X account",
  roles: "who works in the console",
};

/** What staff see on a page that is the owner's: the console's own "403". */
export function OwnerOnly({ permission }: { permission: Permission }) {
  return (
    <ConsolePage title="Only the shop's owner can open this page">
      <section
        data-testid="owner-only"
        className="flex flex-col items-start gap-3 rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm"
      >
        <p>
          This page manages {WHAT[permission]}, which is up to the shop&apos;s owner. You are signed
          in as staff: ask the owner to make the change, or to make you an owner.
        </p>
        <Link href="/admin" className="text-brand-700 font-medium hover:underline">
          Back to the console&apos;s home
        </Link>
      </section>
    </ConsolePage>
  );
}
