import Link from "next/link";

type Hashtag = { code: string; name: string; hashtag: string; cartWord: string };

/** An empty cart says the three ways to fill it: a reply on X, a linked X account, the shop. */
export function CartEmpty({ hashtags }: { hashtags: Hashtag[] }) {
  const example = hashtags[0]?.hashtag ?? "addtocart";
  return (
    <section
      data-testid="cart-empty"
      aria-labelledby="cart-empty-title"
      className="flex flex-col gap-4 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
    >
      <h2 id="cart-empty-title" className="text-base font-semibold text-slate-900">
        Your cart is empty
      </h2>
      <ol className="flex list-decimal flex-col gap-3 pl-5">
        <li>
          <strong className="font-semibold text-slate-900">Reply on X.</strong> Find one of our
          product posts and reply with its store&apos;s hashtag
          {hashtags.length > 0 && (
            <>
              :{" "}
              {hashtags.map(({ code, name, hashtag }, index) => (
                <span key={code}>
                  {index > 0 && (index === hashtags.length - 1 ? " or " : ", ")}
                  <strong className="text-brand-700 font-semibold">#{hashtag}</strong> for the{" "}
                  {name} store
                </span>
              ))}
            </>
          )}
          . Add a number or a size if you like: “#{example} 2” or “#{example} size M”.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Link your X account</strong> on{" "}
          <Link href="/account" className="text-brand-700 font-medium hover:underline">
            your account
          </Link>{" "}
          so your replies land here. Replies made before you link wait a few days for you.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Or add on the website:</strong> every
          product page in{" "}
          <Link href="/" className="text-brand-700 font-medium hover:underline">
            the shop
          </Link>{" "}
          has an Add to cart button.
        </li>
      </ol>
      <p className="text-slate-600">Nothing is bought until you check out here.</p>
    </section>
  );
}
