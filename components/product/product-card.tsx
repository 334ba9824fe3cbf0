import Link from "next/link";
import { ProductImage } from "@/components/product/product-image";
import { StockLabel } from "@/components/product/stock-label";
import { formatMoney } from "@/lib/money";
import { productPath } from "@/lib/catalog/product-id";

type Props = {
  product: {
    id: string;
    title: string;
    priceMinor: number;
    stock: number;
    digital: boolean;
    imageUrl: string | null;
  };
  currency: string;
};

export function ProductCard({ product, currency }: Props) {
  return (
    <li className="group relative flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-3 shadow-sm transition hover:shadow-md">
      <ProductImage src={product.imageUrl} title={product.title} />
      <div className="flex flex-1 flex-col gap-1 px-1 pb-1">
        <h3 className="text-sm font-medium text-slate-900">
          <Link
            href={productPath(product.id)}
            className="rounded-sm after:absolute after:inset-0 after:content-['']"
          >
            {product.title}
          </Link>
        </h3>
        <p className="text-base font-semibold">{formatMoney(product.priceMinor, currency)}</p>
        <div className="mt-auto">
          <StockLabel stock={product.stock} digital={product.digital} />
        </div>
      </div>
    </li>
  );
}
