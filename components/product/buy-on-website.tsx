import Link from "next/link";
import type { ProductDetail } from "@/lib/catalog/get-product";
import { productPath } from "@/lib/catalog/product-id";
import { AddToCartForm } from "./add-to-cart-form";
import { signInPath } from "@/lib/auth/sign-in-path";

/**
 * The product page's website add: the form for a signed-in shopper, a sign-in link (back to this
 * page) otherwise, and the reason when there is nothing to add.
 */
export function BuyOnWebsite({ product, signedIn }: { product: ProductDetail; signedIn: boolean }) {
  const cart = product.marketplace.cartWord;
  if (product.stock <= 0)
    return (
      <p className="text-sm text-slate-700" data-testid="add-to-cart-unavailable">
        Out of stock, so it can&apos;t go in your {cart} right now. Check back soon.
      </p>
    );
  if (!signedIn)
    return (
      <Link
        href={signInPath(productPath(product.id))}
        data-testid="add-to-cart-sign-in"
        className="bg-brand-600 hover:bg-brand-700 self-start rounded-lg px-4 py-2 font-medium text-white"
      >
        Sign in to add to your {cart}
      </Link>
    );
  return <AddToCartForm productId={product.id} sizes={product.sizes} cartWord={cart} />;
}
