import Link from "next/link";
import type { ReactNode } from "react";
import { ProductImage } from "@/components/product/product-image";
import { productPath } from "@/lib/catalog/product-id";

/** One product in a list of lines: picture, title, the line's amount, and details below. */
export function ProductLine({
  productId,
  title,
  imageUrl,
  amount,
  children,
}: {
  productId: string;
  title: string;
  imageUrl: string | null;
  amount: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div className="w-16 shrink-0">
        <ProductImage src={imageUrl} title={title} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <Link href={productPath(productId)} className="font-medium hover:underline">
            {title}
          </Link>
          <span className="font-medium tabular-nums">{amount}</span>
        </div>
        {children}
      </div>
    </>
  );
}
