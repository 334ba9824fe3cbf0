import { Badge } from "@/components/ui/badge";

export function StockLabel({ stock, digital }: { stock: number; digital: boolean }) {
  if (digital) return <Badge tone="info">Digital delivery</Badge>;
  if (stock <= 0) return <Badge tone="danger">Out of stock</Badge>;
  if (stock <= 10) return <Badge tone="warning">Only {stock} left</Badge>;
  return <Badge tone="success">In stock</Badge>;
}
