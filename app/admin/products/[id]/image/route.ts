import { runAction } from "@/app/_actions/server-action";
import { CONSOLE_ROUTES } from "@/app/admin/console-actions";
import { MAX_IMAGE_BYTES, uploadProductImage } from "@/lib/catalog/console/product-image";

type Context = { params: Promise<{ id: string }> };

// What the multipart form adds around the file: field names, boundaries, the file's name.
const FORM_OVERHEAD = 64 * 1024;

/**
 * The product page's image upload. A route handler rather than a server action: server actions
 * share one body size limit (1 MB), and raising it to 5 MB would let every action take 5 MB
 * bodies; here only this route does, and it refuses a larger body by its Content-Length before
 * reading it. A plain form post, answered with a redirect to the product page (303).
 */
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  const back = (query: string) =>
    new Response(null, {
      status: 303,
      headers: { Location: `/admin/products/${encodeURIComponent(id)}?${query}#image` },
    });
  const length = Number(request.headers.get("content-length"));
  const result = await runAction(CONSOLE_ROUTES.uploadProductImage, null, async (user) => {
    if (!Number.isFinite(length) || length <= 0)
      return { ok: false as const, code: "invalid_image", message: "Choose an image to upload." };
    if (length > MAX_IMAGE_BYTES + FORM_OVERHEAD)
      return { ok: false as const, code: "too_large", message: "That image is over 5 MB." };
    const form = await request.formData().catch(() => null);
    const file = form?.get("image");
    if (!(file instanceof File) || file.size === 0)
      return { ok: false as const, code: "invalid_image", message: "Choose an image to upload." };
    return uploadProductImage(user, id, new Uint8Array(await file.arrayBuffer()));
  });
  if (result.ok) return back("notice=image");
  // The console's existence is not advertised to anyone without it.
  if (result.code === "signed_out" || result.code === "forbidden")
    return new Response("Not found.", { status: 404 });
  if (result.code === "not_from_shop") return new Response(result.message, { status: 403 });
  return back(`imageError=${encodeURIComponent(result.code)}`);
}
