import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/sign-in-path";
import { getCheckoutReview } from "@/lib/checkout/get-checkout-review";
import { countryOf } from "@/lib/checkout/shipping-address";

export const metadata: Metadata = { title: "Checkout" };

type Props = { searchParams: Promise<{ marketplace?: string | string[] }> };

export default async function CheckoutPage({ searchParams }: Props) {
  const { marketplace } = await searchParams;
  const code = typeof marketplace === "string" ? marketplace.slice(0, 8).toUpperCase() : "";
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(`/checkout?marketplace=${code}`));
  const review = await getCheckoutReview(user.id, code);

  if (!review)
    return (
      <Message title="Which store?">
        There is no store {code ? <>called “{code}”</> : "named in this link"}. Check out from{" "}
        <CartLink />, where each store has its own checkout.
      </Message>
    );
  const { name, cartWord } = review.marketplace;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        back={{ href: "/cart", label: `Back to your ${cartWord}` }}
        title={`Checkout: ${name} store`}
      >
        Review your order, tell us where it goes ({countryOf(review.marketplace.code)} only), and
        confirm. Nothing is charged now: you pay on delivery.
      </PageHeader>
      {/* A fresh key for every review the shop renders: confirming this one twice orders once. */}
      <CheckoutForm
        review={review}
        idempotencyKey={randomUUID()}
        // Rendered by the form, so that a confirmation that found the lines gone still says why.
        empty={
          <Message title={`Your ${name} ${cartWord} is empty`} testId="checkout-empty">
            Nothing to check out in the {name} store. Reply to one of our product posts on X, or add
            something from{" "}
            <Link href="/" className="text-brand-700 font-medium hover:underline">
              the shop
            </Link>
            . Items from other stores wait in <CartLink />.
          </Message>
        }
      />
    </div>
  );
}

function CartLink() {
  return (
    <Link href="/cart" className="text-brand-700 font-medium hover:underline">
      your cart
    </Link>
  );
}

function Message({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
    >
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p>{children}</p>
    </section>
  );
}
