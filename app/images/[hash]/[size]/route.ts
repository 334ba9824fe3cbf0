import { IMAGE_SIZES, readProductImage, type ImageSize } from "@/lib/catalog/console/product-image";

type Context = { params: Promise<{ hash: string; size: string }> };

const isSize = (size: string): size is ImageSize => Object.hasOwn(IMAGE_SIZES, size);

/**
 * An uploaded product image at one of the storefront's sizes. Its URL names the hash of its
 * content, so what it serves never changes: cached for a year, never revalidated.
 */
export async function GET(_request: Request, { params }: Context) {
  const { hash, size } = await params;
  const bytes = isSize(size) ? await readProductImage(hash, size) : null;
  if (!bytes) return new Response("No such image.", { status: 404 });
  return new Response(bytes, {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
