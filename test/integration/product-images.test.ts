import { createHash } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "@/lib/audit/record-audit";
import {
  IMAGE_SIZES,
  MAX_IMAGE_BYTES,
  readProductImage,
  uploadProductImage,
} from "@/lib/catalog/console/product-image";
import { createProduct, seedShopWithActor } from "./support/fixtures";
import { pooledTestDatabase } from "./support/test-database";

// Uploaded images: checked by their bytes, their size and their pixel count before anything is
// decoded or stored; resized to the storefront's sizes and kept in Postgres under their hash.

const { database } = pooledTestDatabase();
const db = () => database().db;

let staff: AuditActor;
beforeAll(async () => {
  staff = await seedShopWithActor(db(), "STAFF");
});

const png = (width: number, height: number, compressionLevel = 6) =>
  sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } },
    // The test makes the bomb the upload must refuse: no limit here.
    limitInputPixels: false,
  })
    .png({ compressionLevel })
    .toBuffer();

const counts = async () => ({
  images: await db().productImage.count(),
  audits: await db().auditEvent.count(),
});

describe("uploading a product image", () => {
  it("stores its sizes under its hash, points the product at it, and records it", async () => {
    const product = await createProduct(db());
    const bytes = new Uint8Array(await png(900, 600));
    const result = await uploadProductImage(staff, product.id, bytes, db());
    if (!result.ok) throw new Error(result.message);
    const hash = createHash("sha256").update(bytes).digest("hex");
    expect(result.imageUrl).toBe(`/images/${hash}/large`);
    const row = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row.imageUrl).toBe(result.imageUrl);
    expect(row.imageId).not.toBeNull();
    for (const size of ["small", "large"] as const) {
      const stored = await readProductImage(hash, size, db());
      const meta = await sharp(stored!).metadata();
      expect(meta).toMatchObject({
        format: "webp",
        width: IMAGE_SIZES[size],
        height: IMAGE_SIZES[size],
      });
    }
    expect(
      await db().auditEvent.findUniqueOrThrow({ where: { id: result.audit.eventId } }),
    ).toMatchObject({
      action: "product.image",
      actorId: staff.id,
      subjectId: product.id,
      after: { imageUrl: result.imageUrl },
    });
    // The same file again is the same stored image.
    const again = await createProduct(db());
    await uploadProductImage(staff, again.id, bytes, db());
    expect(await db().productImage.count({ where: { hash } })).toBe(1);
  });

  it("refuses a text file named like an image, an 8 MB file and a decompression bomb", async () => {
    const product = await createProduct(db());
    const text = new TextEncoder().encode("just some notes, saved as photo.png\n".repeat(50));
    // Starts like a JPEG, but is 8 MB: refused by its size before it is decoded.
    const huge = new Uint8Array(8 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    // 12000 × 12000 blank pixels (144 million, 432 MB decoded) compress to a few hundred KB.
    const bomb = new Uint8Array(await png(12_000, 12_000, 9));
    expect(bomb.byteLength).toBeLessThan(MAX_IMAGE_BYTES);

    const before = await counts();
    expect(await uploadProductImage(staff, product.id, text, db())).toMatchObject({
      ok: false,
      code: "invalid_image",
      message: "That file is not a JPEG, PNG or WebP image.",
    });
    expect(await uploadProductImage(staff, product.id, huge, db())).toMatchObject({
      ok: false,
      code: "too_large",
      message: expect.stringContaining("over 5 MB"),
    });
    expect(await uploadProductImage(staff, product.id, bomb, db())).toMatchObject({
      ok: false,
      code: "too_large",
      message: expect.stringContaining("12000 × 12000"),
    });
    expect(await counts()).toEqual(before);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).imageUrl).toBe(
      product.imageUrl,
    );
  });

  it("reads nothing for a hash or size it does not have", async () => {
    expect(await readProductImage("0".repeat(64), "large", db())).toBeNull();
    expect(await readProductImage("../etc/passwd", "large", db())).toBeNull();
  });
});
