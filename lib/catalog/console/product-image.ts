import { createHash } from "node:crypto";
import sharp from "sharp";
import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { db as appDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The largest upload taken, in bytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/**
 * The most pixels a decoded upload may have (a 7000 × 7000 photo): a small file can declare a
 * huge canvas (a "decompression bomb"), so its size is read from its header before decoding,
 * and sharp refuses to decode past it in any case.
 */
export const MAX_IMAGE_PIXELS = 7000 * 7000;

/**
 * The sizes the storefront shows, square, in CSS pixels × 2 for sharp screens: a card of the
 * shop's grid (up to ~280 px wide) and the product page's image (up to ~560 px).
 */
export const IMAGE_SIZES = { small: 600, large: 1200 } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

export const imagePath = (hash: string, size: ImageSize) => `/images/${hash}/${size}`;

type ImageType = "jpeg" | "png" | "webp";

/** The image type the bytes begin with (their magic number), whatever the file was called. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], at = 0) =>
    signature.every((byte, index) => bytes[at + index] === byte);
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export type ProcessedImage = {
  hash: string;
  small: Uint8Array<ArrayBuffer>;
  large: Uint8Array<ArrayBuffer>;
};
type ImageRefusal = Refusal<"invalid_image" | "too_large">;

/**
 * Checks an upload (a JPEG, PNG or WebP by its bytes, at most 5 MB and MAX_IMAGE_PIXELS) and
 * makes the storefront's sizes of it: square WebPs, cropped to the centre.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage | ImageRefusal> {
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    return refuse("too_large", "That image is over 5 MB: choose a smaller one.");
  if (!sniffImageType(bytes))
    return refuse("invalid_image", "That file is not a JPEG, PNG or WebP image.");
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" });
  let width: number | undefined;
  let height: number | undefined;
  try {
    // The header alone: metadata decodes no pixels, so the limit is checked here, by us.
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    return refuse("invalid_image", "That image cannot be read: it may be damaged.");
  }
  if (!width || !height) return refuse("invalid_image", "That image cannot be read.");
  if (width * height > MAX_IMAGE_PIXELS)
    return refuse(
      "too_large",
      `That image is ${width} × ${height} pixels: at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels.`,
    );
  try {
    const [small, large] = await Promise.all(
      Object.values(IMAGE_SIZES).map((size) =>
        input()
          .rotate()
          .resize(size, size, { fit: "cover", withoutEnlargement: false })
          .webp({ quality: 82 })
          .toBuffer(),
      ),
    );
    const hash = createHash("sha256").update(bytes).digest("hex");
    return { hash, small: new Uint8Array(small!), large: new Uint8Array(large!) };
  } catch {
    return refuse("invalid_image", "That image cannot be read: it may be damaged.");
  }
}

export type UploadImageResult =
  { ok: true; imageUrl: string; audit: AuditReceipt } | ImageRefusal | Refusal<"not_found">;

/**
 * Makes an upload the product's image: its sizes stored once per content (the same file
 * uploaded twice is one row), the product's imageUrl its large size's route, and an audit event.
 */
export async function uploadProductImage(
  actor: AuditActor,
  productId: string,
  bytes: Uint8Array,
  db: PrismaClient = appDb,
): Promise<UploadImageResult> {
  const processed = await processImage(bytes);
  if (!("hash" in processed)) return processed;
  const { hash, small, large } = processed;
  return db.$transaction(async (tx) => {
    const before = await tx.product.findFirst({
      where: { id: productId, archivedAt: null },
      select: { imageUrl: true },
    });
    if (!before) return refuse("not_found", "That product no longer exists or is archived.");
    const image = await tx.productImage.upsert({
      where: { hash },
      create: { hash, small, large },
      update: {},
      select: { id: true },
    });
    const imageUrl = imagePath(hash, "large");
    await tx.product.update({ where: { id: productId }, data: { imageId: image.id, imageUrl } });
    const audit = await recordAudit(tx, {
      actor,
      action: "product.image",
      subject: { type: "Product", id: productId },
      before: { imageUrl: before.imageUrl },
      after: { imageUrl },
    });
    return { ok: true as const, imageUrl, audit };
  });
}

/** One size of a stored image, or null. */
export async function readProductImage(
  hash: string,
  size: ImageSize,
  db: Pick<PrismaClient, "productImage"> = appDb,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const row = await db.productImage.findUnique({
    where: { hash },
    select: size === "small" ? { small: true } : { large: true },
  });
  if (!row) return null;
  return (row as Partial<Record<ImageSize, Uint8Array<ArrayBuffer>>>)[size] ?? null;
}
